import '@testing-library/jest-dom/vitest';
import { validatorLoaded } from '../../src/state/document-validator';

// In the app, validation is a chunk that arrives just after the first screen; component tests
// start editing at once, so they wait for it (an edit before it arrives is covered by its own
// test in test/state).
await validatorLoaded;
