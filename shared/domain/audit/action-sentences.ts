/**
 * The audit trail's actions as a person reads them. The records keep the internal snake_case
 * names (they are what the indexes and older records hold); screens and the CSV export show these
 * sentences. A test walks every action the app writes and requires a sentence for it.
 */
export const ACTION_SENTENCES: Readonly<Record<string, string>> = {
  // patients at the desk
  search_patients: 'Searched for patients',
  view_patient_record: 'Viewed the patient record',
  register_patient: 'Registered the patient',
  update_patient: 'Changed the patient’s details',
  change_patient_status: 'Activated or deactivated the patient',
  record_allergies: 'Recorded the patient’s allergies',
  change_medication_ingredients: 'Changed the medication ingredient list',
  set_patient_kiosk_password: 'Set the patient’s kiosk password',
  // appointments
  view_schedule: 'Viewed the schedule',
  book_appointment: 'Booked an appointment',
  reschedule_appointment: 'Moved an appointment',
  cancel_appointment: 'Cancelled an appointment',
  change_appointment_status: 'Changed an appointment’s status',
  record_arrival: 'Recorded the patient’s arrival',
  record_visit_step: 'Recorded a step of the visit',
  record_patient_confirmation: 'Recorded the patient’s confirmation',
  preview_appointment_series: 'Previewed a series of appointments',
  book_appointment_series: 'Booked a series of appointments',
  cancel_appointment_series: 'Cancelled a series of appointments',
  join_walk_in_queue: 'Added the patient to the walk-in queue',
  view_walk_in_queue: 'Viewed the walk-in queue',
  remove_from_walk_in_queue: 'Took the patient off the walk-in queue',
  book_walk_in: 'Booked a walk-in visit',
  add_to_waiting_list: 'Put the patient on the waiting list',
  view_waiting_list: 'Viewed the waiting list',
  remove_from_waiting_list: 'Took the patient off the waiting list',
  view_waiting_list_offers: 'Viewed who could take a freed time',
  book_from_waiting_list: 'Booked from the waiting list',
  // the doctor's work
  view_own_schedule: 'Viewed their own day',
  record_visit_outcome: 'Recorded the visit’s outcome',
  view_prescription: 'Viewed a prescription',
  save_prescription: 'Saved a prescription',
  sign_prescription: 'Signed a prescription',
  export_prescription_pdf: 'Exported a prescription as PDF',
  view_follow_up_slots: 'Looked for follow-up times',
  book_follow_up: 'Booked a follow-up visit',
  search_clinical_notes: 'Searched clinical notes',
  preview_own_hours_change: 'Previewed a change of their hours',
  change_own_hours: 'Changed their own hours',
  preview_own_unavailable_date: 'Previewed a day off',
  add_own_unavailable_date: 'Added a day off',
  // the patient at the kiosk
  find_patient_for_kiosk: 'Looked up a patient for the kiosk',
  kiosk_check_in: 'Checked in at the kiosk',
  kiosk_sign_in_by_birth_date: 'Signed in at the kiosk by name and date of birth',
  view_own_appointments: 'Viewed their own appointments',
  view_own_prescriptions: 'Viewed their own prescriptions',
  view_own_feedback: 'Viewed their own feedback',
  submit_feedback: 'Gave feedback',
  change_email_preference: 'Changed their email preferences',
  // messages and feedback
  view_communication_log: 'Viewed the message log',
  view_patient_communications: 'Viewed the patient’s messages',
  send_due_messages: 'Sent the messages that were due',
  view_feedback_queue: 'Viewed feedback waiting for review',
  moderate_feedback: 'Reviewed feedback',
  view_doctor_feedback: 'Viewed a doctor’s feedback',
  search_feedback_and_messages: 'Searched feedback and messages',
  // administration
  create_staff_account: 'Created a staff account',
  change_staff_account_status: 'Activated or deactivated a staff account',
  reset_staff_password: 'Reset a staff password',
  create_doctor_account: 'Created a doctor account',
  update_doctor_profile: 'Changed a doctor’s profile',
  change_doctor_account_status: 'Activated or deactivated a doctor account',
  reset_doctor_password: 'Reset a doctor’s password',
  change_doctor_image: 'Changed a doctor’s photo',
  remove_doctor_image: 'Removed a doctor’s photo',
  set_doctor_password: 'Set a doctor’s password',
  change_doctor_hours: 'Changed a doctor’s hours',
  preview_doctor_hours_change: 'Previewed a change of a doctor’s hours',
  preview_doctor_unavailable_date: 'Previewed a doctor’s day off',
  add_doctor_unavailable_date: 'Added a doctor’s day off',
  restore_backup: 'Restored a backup',
  view_data_health: 'Checked data health',
  repair_data_health: 'Repaired a data health finding',
  // the trail itself
  search_audit_trail: 'Searched the audit trail',
  view_record_access: 'Viewed who opened the patient’s record',
  look_up_people_for_audit: 'Looked up people to filter the audit trail',
  export_audit_trail: 'Exported the audit trail as CSV',
};

/** The sentence for an action; an unknown one (a record from a newer version) reads as itself, spaced. */
export function actionSentence(action: string): string {
  const sentence = ACTION_SENTENCES[action];
  if (sentence) return sentence;
  const spaced = action.replace(/_/g, ' ');
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

