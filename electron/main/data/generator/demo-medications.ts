import type { MedicationIngredientList } from '../../../../shared/domain/allergies/medication-ingredients';

/**
 * A few common products of the generated clinic's ingredient list: brands and combinations whose
 * names do not name their active ingredients, so the allergy warning has something to find.
 * Demo data only: a real clinic starts with an empty list (no migration writes one).
 */
export const DEMO_MEDICATION_INGREDIENTS: MedicationIngredientList = [
  { medication: 'Co-amoxiclav', ingredients: ['Amoxicillin', 'Clavulanic acid'] },
  { medication: 'Augmentin', ingredients: ['Amoxicillin', 'Clavulanic acid'] },
  { medication: 'Amoxil', ingredients: ['Amoxicillin'] },
  { medication: 'Aspirin', ingredients: ['Acetylsalicylic acid'] },
  { medication: 'Nurofen', ingredients: ['Ibuprofen'] },
  { medication: 'Co-codamol', ingredients: ['Codeine', 'Paracetamol'] },
  { medication: 'Septrin', ingredients: ['Sulfamethoxazole', 'Trimethoprim'] },
  { medication: 'Tazocin', ingredients: ['Piperacillin', 'Tazobactam'] },
];
