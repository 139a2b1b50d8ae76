/** The answer checker the API tests run every answer through: it must catch a wrong shape and an undocumented status. */
import { describe, expect, it } from 'vitest';
import { answerChecker } from './openapi-check.ts';

const document = {
  paths: {
    '/api/things/{id}': {
      get: {
        operationId: 'getThing',
        responses: {
          200: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } } },
        },
      },
    },
  },
  components: {
    schemas: {
      Thing: {
        type: 'object',
        properties: { version: { type: 'integer' } },
        required: ['version'],
        additionalProperties: false,
      },
    },
  },
};
const answer = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('answerChecker', () => {
  const check = answerChecker(document);
  it('passes an answer of the documented shape', async () => {
    await expect(check('GET', '/api/things/t1', answer({ version: 3 }))).resolves.toBeUndefined();
  });
  it('names the route and the problem when the shape differs', async () => {
    await expect(check('GET', '/api/things/t1', answer({ version: '3' }))).rejects.toThrow(
      /getThing's documented answer: data\/version must be integer/,
    );
    await expect(check('GET', '/api/things/t1', answer({}))).rejects.toThrow(/required property 'version'/);
  });
  it('refuses a status the route does not document', async () => {
    await expect(check('GET', '/api/things/t1', answer({ error: 'x' }, 409))).rejects.toThrow(
      /answered 409 \(application\/json\), which getThing does not document/,
    );
  });
});
