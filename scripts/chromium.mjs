// Debian's Chromium, as every browser script here launches it (STYLE: toolchain facts): never a
// downloaded browser; `--no-sandbox` because CI runs as root; the `--disable-*` flags stop it
// calling hosts it cannot reach (and that would count as foreign requests).
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
