export interface Config {
  /** Platform health: the targets the health page judges each metric against. */
  platformHealth?: {
    /**
     * Targets; the NPS target is the NPS plugin's goal line (`nps.goal`: +10
     * points a year from the baseline campaign).
     */
    targets?: {
      /** How far below the NPS goal line is still at risk, in points. @default 5 */
      npsAtRiskWithin?: number;
      /** Survey participation, percent; unset: no target. */
      participation?: { value: number; atRiskWithin?: number };
      /** Golden-path adoption, percent. @default { value: 80, atRiskWithin: 10 } */
      adoption?: { value: number; atRiskWithin?: number };
      /** Median days to a new joiner's first production deployment. @default { value: 14, atRiskWithin: 7 } */
      onboarding?: { value: number; atRiskWithin?: number };
      /** The DORA 2023 band each metric should reach. @default high for each */
      doraBands?: {
        deploymentFrequency?: 'elite' | 'high' | 'medium' | 'low';
        leadTime?: 'elite' | 'high' | 'medium' | 'low';
        changeFailureRate?: 'elite' | 'high' | 'medium' | 'low';
        recoveryTime?: 'elite' | 'high' | 'medium' | 'low';
      };
      /** Deployment rework rate, percent (no published band); unset: no target. */
      reworkRate?: { value: number; atRiskWithin?: number };
    };
    /** Demo OKRs for the demo organisation; read by @paved/backend-module-demo, development only. */
    demoData?: {
      /** @default false */
      enabled?: boolean;
    };
  };
}
