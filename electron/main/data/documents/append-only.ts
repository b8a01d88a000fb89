import type { AppendOnlyDocumentRepository, DocumentRepository } from './document-store';

/** The same repository without update, so the audit trail cannot be rewritten through the store. */
export function appendOnly<Input, Stored>(
  repository: DocumentRepository<Input, Stored>,
): AppendOnlyDocumentRepository<Input, Stored> {
  const { insert, findById, find, count } = repository;
  return { insert, findById, find, count };
}
