import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

/** A modal confirmation (<dialog>): Escape or Cancel closes it; focus starts on Cancel. */
export function ConfirmDialog(props: {
  title: string;
  confirmLabel: string;
  onConfirm(): void;
  onCancel(): void;
  children: ComponentChildren;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    dialog?.querySelector<HTMLButtonElement>('button[data-cancel]')?.focus();
  }, []);
  return (
    <dialog
      ref={ref}
      class="crosscheck-dialog"
      aria-labelledby="confirm-title"
      onCancel={(e) => {
        e.preventDefault();
        props.onCancel();
      }}
    >
      <h2 id="confirm-title">{props.title}</h2>
      {props.children}
      <div class="crosscheck-actions">
        <button type="button" data-cancel onClick={props.onCancel}>
          Cancel
        </button>
        <button type="button" class="crosscheck-danger" data-confirm onClick={props.onConfirm}>
          {props.confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
