/** How the store searched: shown on the screen, since the fallback matches differently. */
export type TextSearchMethod = 'sqlite-fts5' | 'mongodb-text' | 'keyword-regex';

export interface NoteHit {
  prescriptionId: string;
  patientId: number;
  patientName: string;
  doctorName: string;
  /** ISO instant */
  prescriptionDate: string;
  diagnosis: string | null;
  /** Up to ~160 characters around the first word found. */
  excerpt: string;
}

export interface FeedbackHit {
  feedbackId: string;
  doctorId: number;
  /** null for anonymous feedback: search shows no more than the moderation screen's doctor-facing rule. */
  patientId: number | null;
  anonymous: boolean;
  moderationStatus: string;
  /** ISO instant */
  feedbackDate: string;
  excerpt: string;
}

export interface MessageHit {
  messageId: string;
  patientId: number;
  type: string;
  subject: string | null;
  /** ISO instant, null when never sent */
  sentAt: string | null;
  excerpt: string;
}

export interface NoteSearchResult {
  method: TextSearchMethod;
  hits: NoteHit[];
}

export interface FeedbackAndMessageSearchResult {
  method: TextSearchMethod;
  feedback: FeedbackHit[];
  messages: MessageHit[];
}
