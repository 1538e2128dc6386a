import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { PluginBackendClient } from '@paved/frontend-utils';
import {
  CreateStudyRequest,
  InterviewNotes,
  InviteRequest,
  MyInvitation,
  ObservationRequest,
  OpenPreviewRequest,
  PersonView,
  Preview,
  PreviewDetail,
  PublicSummary,
  RecruitingView,
  ResearchNotice,
  RoadmapItemRef,
  SharedTheme,
  Study,
  StudyDetail,
  SummaryRequest,
  Synthesis,
  UpdateStudyRequest,
} from '@paved/plugin-research-common';
import { ResearchApi } from './ResearchApi';

const id = (value: string) => encodeURIComponent(value);
const json = (method: string, body: unknown = {}): RequestInit => ({
  method,
  body: JSON.stringify(body),
});

/** Talks to the research backend through the portal's discovery and fetch APIs. */
export class ResearchClient extends PluginBackendClient implements ResearchApi {
  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    super('research', options);
  }

  private async items<T>(path: string): Promise<T[]> {
    return (await this.request<{ items: T[] }>(path)).items;
  }

  listSummaries(): Promise<PublicSummary[]> {
    return this.items('/summaries');
  }

  listStudies(): Promise<Study[]> {
    return this.items('/studies');
  }

  getStudy(studyId: string): Promise<StudyDetail> {
    return this.request(`/studies/${id(studyId)}`);
  }

  createStudy(body: CreateStudyRequest): Promise<StudyDetail> {
    return this.request('/studies', json('POST', body));
  }

  updateStudy(
    studyId: string,
    patch: UpdateStudyRequest,
  ): Promise<StudyDetail> {
    return this.request(`/studies/${id(studyId)}`, json('PATCH', patch));
  }

  saveSummary(studyId: string, body: SummaryRequest): Promise<StudyDetail> {
    return this.request(`/studies/${id(studyId)}/summary`, json('PUT', body));
  }

  getRecruiting(studyId: string): Promise<RecruitingView> {
    return this.request(`/studies/${id(studyId)}/recruiting`);
  }

  listPeople(): Promise<PersonView[]> {
    return this.items('/people');
  }

  invite(studyId: string, body: InviteRequest) {
    return this.request<{ invited: number; skipped: number }>(
      `/studies/${id(studyId)}/invitations`,
      json('POST', body),
    );
  }

  getSynthesis(studyId: string): Promise<Synthesis> {
    return this.request(`/studies/${id(studyId)}/synthesis`);
  }

  listThemes(): Promise<SharedTheme[]> {
    return this.items('/themes');
  }

  listRoadmapItems(): Promise<RoadmapItemRef[]> {
    return this.items('/roadmap-items');
  }

  myInvitations(): Promise<MyInvitation[]> {
    return this.items('/invitations');
  }

  private async answer(invitationId: string, action: string, body = {}) {
    return (
      await this.request<{ items: MyInvitation[] }>(
        `/invitations/${id(invitationId)}/${action}`,
        json('POST', body),
      )
    ).items;
  }

  accept(invitationId: string, slot: string): Promise<MyInvitation[]> {
    return this.answer(invitationId, 'accept', { slot });
  }

  decline(invitationId: string): Promise<MyInvitation[]> {
    return this.answer(invitationId, 'decline');
  }

  withdraw(invitationId: string): Promise<MyInvitation[]> {
    return this.answer(invitationId, 'withdraw');
  }

  async calendarFile(invitationId: string): Promise<string> {
    const response = await this.send(
      `/invitations/${id(invitationId)}/interview.ics`,
    );
    return response.text();
  }

  getInterview(invitationId: string): Promise<InterviewNotes> {
    return this.request(`/interviews/${id(invitationId)}`);
  }

  setRawNotes(invitationId: string, rawNotes: string): Promise<InterviewNotes> {
    return this.request(
      `/interviews/${id(invitationId)}/notes`,
      json('PUT', { rawNotes }),
    );
  }

  addObservation(
    invitationId: string,
    body: ObservationRequest,
  ): Promise<InterviewNotes> {
    return this.request(
      `/interviews/${id(invitationId)}/observations`,
      json('POST', body),
    );
  }

  updateObservation(
    observationId: string,
    body: ObservationRequest,
  ): Promise<InterviewNotes> {
    return this.request(
      `/observations/${id(observationId)}`,
      json('PUT', body),
    );
  }

  async deleteObservation(observationId: string): Promise<void> {
    await this.request(`/observations/${id(observationId)}`, {
      method: 'DELETE',
    });
  }

  getVolunteer(): Promise<{ volunteering: boolean }> {
    return this.request('/volunteer');
  }

  setVolunteer(on: boolean): Promise<{ volunteering: boolean }> {
    return this.request(
      '/volunteer',
      on ? json('PUT', {}) : { method: 'DELETE' },
    );
  }

  listNotices(): Promise<ResearchNotice[]> {
    return this.items('/notices');
  }

  async markNoticesRead(): Promise<void> {
    await this.request('/notices/read', { method: 'POST' });
  }

  listPreviews(itemId?: string): Promise<Preview[]> {
    return this.items(itemId ? `/previews?item=${id(itemId)}` : '/previews');
  }

  openPreview(body: OpenPreviewRequest): Promise<Preview> {
    return this.request('/previews', json('POST', body));
  }

  setParticipation(previewId: string, on: boolean): Promise<Preview> {
    return this.request(
      `/previews/${id(previewId)}/participation`,
      json('PUT', { on }),
    );
  }

  sendFeedback(previewId: string, text: string): Promise<Preview> {
    return this.request(
      `/previews/${id(previewId)}/feedback`,
      json('POST', { text }),
    );
  }

  getPreviewDetail(previewId: string): Promise<PreviewDetail> {
    return this.request(`/previews/${id(previewId)}/participants`);
  }

  sendPreviewNotice(previewId: string, message: string) {
    return this.request<{ sent: number }>(
      `/previews/${id(previewId)}/notices`,
      json('POST', { message }),
    );
  }

  closePreview(previewId: string): Promise<Preview> {
    return this.request(`/previews/${id(previewId)}/close`, json('POST'));
  }

  tagFeedback(feedbackId: string, themes: string[]): Promise<PreviewDetail> {
    return this.request(
      `/feedback/${id(feedbackId)}/themes`,
      json('PUT', { themes }),
    );
  }
}
