/** Invented names for generated test patients and doctors: never real patient data. */
export const FIRST_NAMES = [
  'Ada', 'Bruno', 'Chiara', 'Dmitri', 'Elif', 'Farah', 'Gustavo', 'Hana', 'Ivo', 'Jana', 'Kofi', 'Lena', 'Mateo', 'Nia',
  'Oskar', 'Priya', 'Quentin', 'Rosa', 'Samir', 'Tove', 'Umar', 'Vera', 'Wen', 'Ximena', 'Yusuf', 'Zofia', 'Amara',
  'Bjorn', 'Carmen', 'Dario', 'Esme', 'Felix', 'Greta', 'Hugo', 'Ines', 'Jonas', 'Kaia', 'Luca', 'Mira', 'Nils',
] as const;

export const LAST_NAMES = [
  'Abara', 'Berger', 'Castell', 'Dimitrov', 'Eklund', 'Fontaine', 'Garrido', 'Horvat', 'Ilunga', 'Jovanovic', 'Kowalczyk',
  'Lindqvist', 'Moreau', 'Nakamura', 'Okafor', 'Petrov', 'Quiroga', 'Rinaldi', 'Sato', 'Tanaka', 'Ullmann', 'Varga',
  'Weiss', 'Xu', 'Yilmaz', 'Zamora', 'Achterberg', 'Brandt', 'Costa', 'Duval',
] as const;

export const SPECIALIZATIONS = [
  'General Practice', 'Pediatrics', 'Cardiology', 'Dermatology', 'Orthopedics', 'Gynecology', 'Psychiatry', 'Ophthalmology',
] as const;

export const VISIT_NOTES = [
  'Persistent cough for two weeks', 'Annual check-up', 'Follow-up on blood test results', 'Knee pain after running',
  'Skin rash on forearm', 'Blood pressure review', 'Headaches in the afternoon', 'Vaccination', 'Sleep problems',
  'Medication review', null, null, null,
] as const;
