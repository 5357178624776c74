// What globalSetup.ts hands to the workers of the projects that run on PostgreSQL.
declare module 'vitest' {
  export interface ProvidedContext {
    /** The test server's maintenance database, postgres://postgres@127.0.0.1:<port>/postgres. */
    postgresUrl: string;
  }
}

export {};
