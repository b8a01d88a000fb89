import type { Page } from '@playwright/test';
import { invokeInPage } from './invoke';

interface PageScope {
  clinic?: Record<string, (input: unknown) => Promise<{ ok: boolean; error?: { code: string } }>>;
  document: { querySelector(selector: string): { getAttribute(name: string): string | null } | null };
  /** Where the page keeps the bridge token after its launch (renderer/src/api/client.ts). */
  localStorage: { getItem(key: string): string | null };
  fetch(
    url: string,
    init: { method: string; headers: Record<string, string>; body: string },
  ): Promise<{ json(): Promise<{ ok: boolean; error?: { code: string } }> }>;
}

/**
 * Fills every free 30-minute slot of every doctor on a date (a full day), booking from inside
 * the page in one go (one evaluate, many channel calls) with generated patients.
 */
export async function fillDay(page: Page, date: string): Promise<number> {
  const day = await invokeInPage(page, 'calendar.day', { date });
  if (!day.ok) throw new Error(day.error.message);
  const slots: { doctorId: number; time: string }[] = [];
  for (const doctor of day.data.doctors) {
    const free = await invokeInPage(page, 'slots.free', {
      doctorId: doctor.doctorId,
      fromDate: date,
      days: 1,
      durationMinutes: 30,
    });
    if (!free.ok) throw new Error(free.error.message);
    let end = 0;
    for (const slot of free.data) {
      const start = Number(slot.time.slice(0, 2)) * 60 + Number(slot.time.slice(3, 5));
      if (start >= end) {
        slots.push({ doctorId: doctor.doctorId, time: slot.time });
        end = start + 30;
      }
    }
  }
  return page.evaluate(
    async ({ date, slots }) => {
      const scope = globalThis as unknown as PageScope;
      const token = scope.document.querySelector('meta[name="clinic-bridge-token"]')?.getAttribute('content') ?? scope.localStorage.getItem('clinic-bridge-token') ?? '';
      const call = async (channel: string, input: unknown) => {
        const direct = scope.clinic?.[channel];
        if (direct) return direct(input);
        const response = await scope.fetch(`/__clinic/invoke/${channel}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-clinic-bridge-token': token },
          body: JSON.stringify(input),
        });
        return response.json();
      };
      let booked = 0;
      let patientId = 500;
      for (const slot of slots) {
        for (let attempt = 0; attempt < 10; attempt++) {
          patientId += 1;
          const result = await call('appointments.book', {
            patientId,
            doctorId: slot.doctorId,
            date,
            time: slot.time,
            durationMinutes: 30,
            idempotencyKey: `fill-${slot.doctorId}-${date}-${slot.time.replace(':', '')}` + `-${patientId}`,
          });
          if (result.ok) booked += 1;
          if (result.ok || result.error?.code !== 'PATIENT_BUSY') break;
        }
      }
      return booked;
    },
    { date, slots },
  );
}

