import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// findBy… waits up to 10 s: on a busy machine a page can take longer than the
// default second to render, which is slow, not wrong.
configure({ asyncUtilTimeout: 10_000 });
