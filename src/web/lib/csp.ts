// The server puts this response's CSP style nonce into index.html (meta csp-nonce). Every <style>
// the app adds must carry it: Mantine's via getStyleNonce, and react-remove-scroll's (behind
// Mantine's modals) via get-nonce, which reads the global webpack's nonce variable.
function readNonce(): string {
  const content = document.querySelector<HTMLMetaElement>('meta[name="csp-nonce"]')?.content ?? '';
  return content === '__CSP_NONCE__' ? '' : content;
}

export const styleNonce = readNonce();

if (styleNonce) (globalThis as { __webpack_nonce__?: string }).__webpack_nonce__ = styleNonce;
