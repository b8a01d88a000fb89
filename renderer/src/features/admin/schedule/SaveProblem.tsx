/** Why a schedule change was not saved, under the part of the editor it concerns; nothing while there is none. */
export function SaveProblem({ message }: { message: string | null | undefined }) {
  return message ? (
    <p className="field__error" role="alert">
      {message}
    </p>
  ) : null;
}
