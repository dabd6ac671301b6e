import { analyze, Analysis, PolicyConfigFile } from "./analyze";
import { ProgramRun, runProgram, RunOptions } from "./capture";
import { PolicyPackHost } from "./policy-host";

export interface OfflinePreview {
    run: ProgramRun;
    analysis: Analysis;
}

/**
 * `pulumi preview --policy-pack policies`, offline: the program runs under the mock runtime while the
 * policy pack starts (the CLI, too, loads analyzers alongside the program), then every registration
 * goes through the pack.
 */
export async function offlinePreview(options: RunOptions & { policyConfig?: PolicyConfigFile }): Promise<OfflinePreview> {
    const [run, host] = await Promise.allSettled([runProgram(options), PolicyPackHost.start(options.config)]);
    try {
        if (run.status === "rejected") throw run.reason;
        if (host.status === "rejected") throw host.reason;
        const analysis = await analyze(host.value, {
            stack: run.value.stack, project: run.value.project, config: options.config, preview: options.preview,
            resources: run.value.resources, policyConfig: options.policyConfig,
        });
        return { run: run.value, analysis };
    } finally {
        if (host.status === "fulfilled") await host.value.stop();
    }
}
