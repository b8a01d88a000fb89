import { QueryTypes, type Sequelize } from 'sequelize';
import { RATING_NAMES, type DoctorRatingTotals } from '../../../../../shared/documents';
import type { FeedbackRatingAggregator } from '../document-store';
import { DOCUMENT_TABLES, quote } from './document-tables';

type SummaryRow = Record<string, number | null>;

/**
 * Rating summaries in SQL: GROUP BY doctor over the feedback table, AVG and COUNT of each
 * rating read with json_extract (COUNT of a missing rating's NULL is 0, AVG ignores it, as
 * MongoDB's $avg ignores a missing field).
 */
export function createSqliteFeedbackRatings(sequelize: Sequelize): FeedbackRatingAggregator {
  const table = quote(DOCUMENT_TABLES.patient_feedback.table);
  const columns = RATING_NAMES.flatMap((name, index) => [
    `AVG(json_extract(body, '$.ratings.${name}')) AS avg_${index}`,
    `COUNT(json_extract(body, '$.ratings.${name}')) AS n_${index}`,
  ]);
  return {
    summarize: async ({ moderationStatus, doctorIds }) => {
      if (doctorIds && doctorIds.length === 0) return [];
      const bind: (string | number)[] = [moderationStatus];
      let where = `json_extract(body, '$.moderationStatus') = $1`;
      if (doctorIds) {
        where += ` AND doctor_id IN (${doctorIds.map((id) => {
          bind.push(id);
          return `$${bind.length}`;
        }).join(', ')})`;
      }
      const rows = await sequelize.query<SummaryRow>(
        `SELECT doctor_id, COUNT(*) AS feedback_count, ${columns.join(', ')} FROM ${table} WHERE ${where} GROUP BY doctor_id ORDER BY doctor_id`,
        { bind, type: QueryTypes.SELECT },
      );
      return rows.map((row): DoctorRatingTotals => {
        const ratings = Object.fromEntries(
          RATING_NAMES.map((name, index) => [name, { average: row[`avg_${index}`] ?? null, count: Number(row[`n_${index}`] ?? 0) }]),
        ) as DoctorRatingTotals['ratings'];
        return { doctorId: Number(row.doctor_id), feedbackCount: Number(row.feedback_count), ratings };
      });
    },
  };
}
