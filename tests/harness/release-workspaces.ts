// Set up before every test file (vitest.config.ts): at its end, after its own afterAll hooks,
// the file lets go of the repository workspaces it held (tests/harness/workspace-lock.ts).
import { afterAll } from "vitest";
import { releaseWorkspaces } from "./workspace-lock.ts";

afterAll(releaseWorkspaces);
