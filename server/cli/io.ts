// What a CLI command may touch, passed in so tests run commands in-process and read output.
export interface CliIo {
  env: NodeJS.ProcessEnv;
  out: (line: string) => void;
  err: (line: string) => void;
  /** Folder of the running server file; the default gallery page folder is found from it. */
  serverDir?: string;
}

export const usage = `Usage: npm run server [-- <command> [options]]

Commands:
  serve (default)                          Start the hosted API.
  create-studio --name <name> --email <e>  Create the studio account; prints a pairing code for the first device.
  pairing-code --email <e>                 Print a new pairing code for another device of that studio.
  help                                     Show this text.

Settings come from the environment: PORT (default 4810, 0 picks a free port), HOST (default 127.0.0.1),
PROOFDESK_DATA_DIR, DATABASE_URL (postgres://… selects PostgreSQL, else SQLite in the data folder),
SMTP_URL (else e-mails are written as .eml files), PROOFDESK_TRUST_PROXY (proxy hops in front),
PROOFDESK_GALLERY_WEB_DIR (the built client gallery page; default: ../gallery-web beside the server file).`;
