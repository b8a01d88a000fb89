import type { Result } from '../../../shared/ipc/result';
import { ConfirmDialog } from './ConfirmDialog';

/**
 * Deactivate or reactivate someone (a staff account, a doctor, a patient): nothing is deleted,
 * and the dialog says what changes for them. Closes on success; shows main's refusal otherwise.
 */
export function ActiveStatusDialog({
  name,
  isActive,
  whenReactivated,
  whenDeactivated,
  onConfirm,
  onClose,
}: {
  name: string;
  isActive: boolean;
  whenReactivated: string;
  whenDeactivated: string;
  onConfirm: (activate: boolean) => Promise<Result<unknown>>;
  onClose: () => void;
}) {
  const activate = !isActive;
  return (
    <ConfirmDialog
      title={`${activate ? 'Reactivate' : 'Deactivate'} ${name}?`}
      confirmLabel={activate ? 'Reactivate' : 'Deactivate'}
      tone={activate ? 'primary' : 'danger'}
      failureTitle="That did not work"
      onConfirm={() => onConfirm(activate)}
      onConfirmed={onClose}
      onClose={onClose}
    >
      <p className="dialog__text">{activate ? whenReactivated : whenDeactivated}</p>
    </ConfirmDialog>
  );
}
