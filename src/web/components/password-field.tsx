import { PasswordInput, type PasswordInputProps } from '@mantine/core';

// Mantine's PasswordInput does not set aria-invalid on its field when it shows an error; this does.
export function PasswordField(props: PasswordInputProps) {
  return <PasswordInput {...props} aria-invalid={props.error ? true : undefined} />;
}
