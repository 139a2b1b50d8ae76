/** A pipeline summarizing with the scripted Chat Completions server (./fake-openai.ts), for LLM tests. */
import { type FakeOpenAi, type FakeOptions, type Step, startFakeOpenAi } from './fake-openai.ts';
import { createPipeline, type Pipeline } from './harness.ts';

export async function llmPipeline(
  steps: Step[],
  env: Record<string, string> = {},
  options: FakeOptions = {},
): Promise<{ llm: FakeOpenAi; p: Pipeline }> {
  const llm = await startFakeOpenAi(steps, options);
  const p = await createPipeline({
    LLM_PROVIDER: 'openai',
    OPENAI_BASE_URL: llm.baseURL,
    LLM_MODEL: 'test-model',
    LLM_TIMEOUT_MS: '3000',
    // These tests are about the summarize call; the simplify pass has its own (test/simplify.test.ts).
    READING_TARGET_GRADE: '16',
    ...env,
  });
  return { llm, p };
}
