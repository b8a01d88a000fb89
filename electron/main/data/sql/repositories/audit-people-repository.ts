import { Op } from 'sequelize';
import type { SqlStore } from '../open-sql-store';

/** Someone an audit record names, as the trail shows them. */
export interface AuditPersonRow {
  kind: 'staff' | 'doctor' | 'patient';
  id: number;
  name: string;
  /** What tells two people of one name apart: user name, specialization, date of birth. */
  detail: string;
}

const LOOKUP_LIMIT = 10;

/**
 * `%` and `_` typed into a typeahead must not act as wildcards; no name needs them (nor a
 * backslash), and dropping them spares the two dialects' different LIKE escapes.
 */
const likePrefix = (typed: string) => `${typed.replace(/[\\%_]/g, '')}%`;

/**
 * Names for the ids audit records hold (the records themselves keep no names), and the
 * typeahead that turns a typed name into the ids the trail is filtered by.
 */
export function auditPeopleRepository(sql: SqlStore) {
  const { Admin, Doctor, Patient } = sql.models;
  return {
    async namesOf(ids: { staff: number[]; doctors: number[]; patients: number[] }): Promise<AuditPersonRow[]> {
      const [staff, doctors, patients] = await Promise.all([
        ids.staff.length ? Admin.findAll({ where: { id: ids.staff }, attributes: ['id', 'firstName', 'lastName', 'username'] }) : [],
        ids.doctors.length ? Doctor.findAll({ where: { id: ids.doctors }, attributes: ['id', 'firstName', 'lastName', 'specialization'] }) : [],
        ids.patients.length ? Patient.findAll({ where: { id: ids.patients }, attributes: ['id', 'firstName', 'lastName', 'dateOfBirth'] }) : [],
      ]);
      return [
        ...staff.map((s) => ({ kind: 'staff' as const, id: s.id, name: `${s.firstName} ${s.lastName}`, detail: s.username })),
        ...doctors.map((d) => ({ kind: 'doctor' as const, id: d.id, name: `Dr. ${d.firstName} ${d.lastName}`, detail: d.specialization })),
        ...patients.map((p) => ({ kind: 'patient' as const, id: p.id, name: `${p.firstName} ${p.lastName}`, detail: String(p.dateOfBirth).slice(0, 10) })),
      ];
    },

    /** Staff and doctors whose first name, last name or user name starts with the typed text. */
    async staffNamed(typed: string): Promise<AuditPersonRow[]> {
      const like = { [Op.like]: likePrefix(typed) };
      const [staff, doctors] = await Promise.all([
        Admin.findAll({
          where: { [Op.or]: [{ firstName: like }, { lastName: like }, { username: like }] },
          attributes: ['id', 'firstName', 'lastName', 'username'],
          order: [['lastName', 'ASC'], ['firstName', 'ASC']],
          limit: LOOKUP_LIMIT,
        }),
        Doctor.findAll({
          where: { [Op.or]: [{ firstName: like }, { lastName: like }] },
          attributes: ['id', 'firstName', 'lastName', 'specialization'],
          order: [['lastName', 'ASC'], ['firstName', 'ASC']],
          limit: LOOKUP_LIMIT,
        }),
      ]);
      return [
        ...staff.map((s) => ({ kind: 'staff' as const, id: s.id, name: `${s.firstName} ${s.lastName}`, detail: s.username })),
        ...doctors.map((d) => ({ kind: 'doctor' as const, id: d.id, name: `Dr. ${d.firstName} ${d.lastName}`, detail: d.specialization })),
      ].slice(0, LOOKUP_LIMIT);
    },

    /**
     * Patients whose first or last name starts with the typed text, or, for two words, whose first
     * and last names start with them in either order ("kaia sa", "sato k"). Inactive patients too:
     * the trail outlives them.
     */
    async patientsNamed(typed: string): Promise<AuditPersonRow[]> {
      const [a, ...rest] = typed.trim().split(/\s+/);
      const b = rest.join(' ');
      const like = (part: string) => ({ [Op.like]: likePrefix(part) });
      const where = b
        ? { [Op.or]: [{ firstName: like(a!), lastName: like(b) }, { lastName: like(a!), firstName: like(b) }] }
        : { [Op.or]: [{ firstName: like(typed) }, { lastName: like(typed) }] };
      const rows = await Patient.findAll({
        where,
        attributes: ['id', 'firstName', 'lastName', 'dateOfBirth'],
        order: [['lastName', 'ASC'], ['firstName', 'ASC']],
        limit: LOOKUP_LIMIT,
      });
      return rows.map((p) => ({ kind: 'patient' as const, id: p.id, name: `${p.firstName} ${p.lastName}`, detail: String(p.dateOfBirth).slice(0, 10) }));
    },
  };
}
