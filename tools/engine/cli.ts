import { RunError } from "@pulumi/pulumi";
import { InputFileError } from "./manifests";
import { StackFileError } from "./stack-config";

/** A user's mistake (config, stack file, input file): reported as a message, never a stack trace. */
export function isUserError(err: unknown): err is Error {
    return RunError.isInstance(err) || err instanceof StackFileError || err instanceof InputFileError;
}

/** Runs a command-line tool's main and exits with its code: 2 for a user's mistake, 3 for a bug (with its trace). */
export function runCli(main: () => Promise<number>): void {
    main().then(code => process.exit(code), (err: unknown) => {
        console.error(isUserError(err) ? `error: ${err.message}` : err);
        process.exit(isUserError(err) ? 2 : 3);
    });
}
