import { ChildProcess, spawn } from "child_process";
import * as path from "path";
import { EngineConfig, projectRoot } from "./stack-config";

/* eslint-disable @typescript-eslint/no-var-requires */
const pulumiDir = path.dirname(require.resolve("@pulumi/pulumi/package.json"));
const grpc = require(require.resolve("@grpc/grpc-js", { paths: [pulumiDir] }));
const analyzerGrpc = require("@pulumi/pulumi/proto/analyzer_grpc_pb");
const engineGrpc = require("@pulumi/pulumi/proto/engine_grpc_pb");
const engineProto = require("@pulumi/pulumi/proto/engine_pb");
const emptyproto = require(require.resolve("google-protobuf/google/protobuf/empty_pb", { paths: [pulumiDir] }));

export const defaultPackDir = path.join(projectRoot, "policies");

/** A message the policy pack logged through the engine. */
export interface EngineLog {
    severity: number;
    message: string;
}

/** The engine side the pack talks back to (it logs through it), like the CLI's. */
async function startEngineService(logs: EngineLog[]): Promise<{ address: string; server: any }> {
    const server = new grpc.Server();
    const empty = (_call: unknown, cb: (e: null, r: unknown) => void) => cb(null, new emptyproto.Empty());
    server.addService(engineGrpc.EngineService, {
        log: (call: any, cb: any) => { logs.push({ severity: call.request.getSeverity(), message: call.request.getMessage() }); empty(call, cb); },
        getRootResource: (_call: any, cb: any) => cb(null, new engineProto.GetRootResourceResponse()),
        setRootResource: (_call: any, cb: any) => cb(null, new engineProto.SetRootResourceResponse()),
        startDebugging: empty,
        requirePulumiVersion: empty,
    });
    const port: number = await new Promise((resolve, reject) =>
        server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (err: Error | null, p: number) => err ? reject(err) : resolve(p)));
    return { address: `127.0.0.1:${port}`, server };
}

/** A running policy pack, served over the Analyzer gRPC protocol as `pulumi preview --policy-pack` starts it. */
export class PolicyPackHost {
    private constructor(
        readonly client: any, private readonly child: ChildProcess, private readonly engine: any,
        readonly stderr: () => string, readonly logs: EngineLog[],
    ) {}

    /** Starts `node run-policy-pack <engine> <pack>` in the pack's folder with the stack's config, and connects. */
    static async start(config: EngineConfig, packDir = defaultPackDir): Promise<PolicyPackHost> {
        const logs: EngineLog[] = [];
        const engine = await startEngineService(logs);
        const runner = path.join(pulumiDir, "cmd", "run-policy-pack");
        const child = spawn(process.execPath, [runner, engine.address, "."], {
            cwd: packDir,
            env: { ...process.env, PULUMI_CONFIG: JSON.stringify(config) },
            stdio: ["ignore", "pipe", "pipe"],
        });
        let stderr = "";
        child.stderr!.on("data", chunk => { stderr += chunk; });
        const port = await new Promise<string>((resolve, reject) => {
            let stdout = "";
            child.stdout!.on("data", chunk => {
                stdout += chunk;
                const line = /^(\d+)\s*$/m.exec(stdout);
                if (line) resolve(line[1]);
            });
            child.on("exit", code => reject(new Error(`policy pack in ${packDir} exited (${code}) before serving:\n${stderr}${stdout}`)));
        });
        const client = new analyzerGrpc.AnalyzerClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure(), { "grpc.max_receive_message_length": 400 * 1024 * 1024, "grpc.enable_retries": 0, "grpc.enable_channelz": 0 });
        return new PolicyPackHost(client, child, engine.server, () => stderr, logs);
    }

    /** The pack's process id, for measuring it. */
    get pid(): number | undefined {
        return this.child.pid;
    }

    /** Calls one Analyzer RPC and resolves with its response. */
    call<T>(method: string, request: unknown): Promise<T> {
        return this.settle(method, done => this.client[method](request, done));
    }

    /**
     * Calls `remediate` or `analyze` with a request already encoded: the engine sends each resource
     * to both, and the bytes are the same.
     */
    callEncoded<T>(method: "remediate" | "analyze", encoded: Uint8Array): Promise<T> {
        const { path: rpcPath, responseDeserialize } = analyzerGrpc.AnalyzerService[method];
        const asIs = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
        return this.settle(method, done => this.client.makeUnaryRequest(rpcPath, asIs, responseDeserialize, encoded, done));
    }

    private settle<T>(method: string, start: (done: (err: Error | null, response: T) => void) => void): Promise<T> {
        return new Promise((resolve, reject) =>
            start((err, response) => err ? reject(new Error(`${method}: ${err.message}\n${this.stderr()}`)) : resolve(response)));
    }

    async stop(): Promise<void> {
        this.client.close();
        this.child.kill();
        await new Promise<void>(resolve => this.engine.tryShutdown(() => resolve()));
    }
}
