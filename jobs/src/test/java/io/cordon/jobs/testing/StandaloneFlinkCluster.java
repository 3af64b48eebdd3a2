package io.cordon.jobs.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real standalone Flink session cluster: one JobManager and N TaskManagers, each its own JVM
 * started from the Maven-resolved jars in {@code deploy/target/flink-cluster-classpath.txt} (no
 * flink-dist). Jobs are uploaded and started through the REST API, as an operator would.
 */
public final class StandaloneFlinkCluster implements AutoCloseable {
    private static final Pattern JAR_ID =
            Pattern.compile("\"filename\"\\s*:\\s*\"[^\"]*/([^\"/]+)\"");
    private static final Pattern JOB_ID = Pattern.compile("\"jobid\"\\s*:\\s*\"([0-9a-f]+)\"");
    private static final Pattern STATE = Pattern.compile("\"state\"\\s*:\\s*\"([A-Z_]+)\"");

    private final Path dir;
    private final String classpath;
    private final int restPort;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Process jobManager;
    private final List<Process> taskManagers = new ArrayList<>();

    private StandaloneFlinkCluster(Path dir, String classpath, int restPort) {
        this.dir = dir;
        this.classpath = classpath;
        this.restPort = restPort;
    }

    /** Starts a JobManager and {@code taskManagers} TaskManagers with {@code slots} slots each. */
    public static StandaloneFlinkCluster start(Path dir, int taskManagers, int slots)
            throws Exception {
        Path classpathFile = Path.of("..", "deploy", "target", "flink-cluster-classpath.txt");
        if (!Files.exists(classpathFile)) {
            throw new IllegalStateException(
                    classpathFile + " is missing: build the deploy module first");
        }
        Files.createDirectories(dir.resolve("conf"));
        int rpcPort = freePort();
        int restPort = freePort();
        Files.writeString(
                dir.resolve("conf/config.yaml"),
                String.join(
                                "\n",
                                "jobmanager.rpc.address: localhost",
                                "jobmanager.rpc.port: " + rpcPort,
                                "jobmanager.bind-host: localhost",
                                "rest.address: localhost",
                                "rest.bind-address: localhost",
                                "rest.port: " + restPort,
                                "taskmanager.bind-host: localhost",
                                "taskmanager.host: localhost",
                                "taskmanager.numberOfTaskSlots: " + slots,
                                "jobmanager.memory.process.size: 768m",
                                // without the start scripts, a TaskManager needs its resources
                                // spelled out
                                "taskmanager.cpu.cores: 1",
                                "taskmanager.memory.framework.heap.size: 128m",
                                "taskmanager.memory.framework.off-heap.size: 128m",
                                "taskmanager.memory.task.heap.size: 384m",
                                "taskmanager.memory.task.off-heap.size: 0m",
                                "taskmanager.memory.managed.size: 64m",
                                "taskmanager.memory.network.min: 32m",
                                "taskmanager.memory.network.max: 32m",
                                "taskmanager.memory.jvm-metaspace.size: 256m",
                                "taskmanager.memory.jvm-overhead.min: 128m",
                                "taskmanager.memory.jvm-overhead.max: 128m",
                                // a killed TaskManager must be noticed quickly
                                "heartbeat.interval: 1000",
                                "heartbeat.timeout: 5000",
                                "taskmanager.load-balance.mode: SLOTS",
                                "restart-strategy.type: fixed-delay",
                                "restart-strategy.fixed-delay.attempts: 20",
                                "restart-strategy.fixed-delay.delay: 1 s",
                                "web.tmpdir: " + dir.resolve("web"),
                                "web.upload.dir: " + dir.resolve("upload"),
                                "io.tmp.dirs: " + dir.resolve("tmp"),
                                "execution.checkpointing.dir: "
                                        + dir.resolve("checkpoints").toUri(),
                                "execution.checkpointing.externalized-checkpoint-retention: RETAIN_ON_CANCELLATION",
                                "")
                        + "\n");
        Files.writeString(
                dir.resolve("conf/log4j2.properties"),
                String.join(
                        "\n",
                        "rootLogger.level = INFO",
                        "rootLogger.appenderRef.file.ref = file",
                        "appender.file.type = File",
                        "appender.file.name = file",
                        "appender.file.fileName = ${sys:log.file}",
                        "appender.file.layout.type = PatternLayout",
                        "appender.file.layout.pattern = %d{HH:mm:ss.SSS} %-5level %c{1} - %msg%n",
                        ""));
        for (String sub : List.of("web", "upload", "tmp", "log")) {
            Files.createDirectories(dir.resolve(sub));
        }
        StandaloneFlinkCluster cluster =
                new StandaloneFlinkCluster(dir, Files.readString(classpathFile).trim(), restPort);
        cluster.jobManager =
                cluster.launch(
                        "jobmanager",
                        "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint",
                        "768m");
        cluster.awaitRest(Duration.ofSeconds(90));
        for (int i = 0; i < taskManagers; i++) {
            cluster.startTaskManager();
        }
        cluster.awaitTaskManagers(taskManagers, Duration.ofSeconds(90));
        return cluster;
    }

    public Process startTaskManager() throws IOException {
        Process p =
                launch(
                        "taskmanager-" + taskManagers.size(),
                        "org.apache.flink.runtime.taskexecutor.TaskManagerRunner",
                        "512m");
        taskManagers.add(p);
        return p;
    }

    public List<Process> taskManagers() {
        return List.copyOf(taskManagers);
    }

    /** SIGKILL, as {@code kill -9}: no shutdown hook, no goodbye to the JobManager. */
    public void killTaskManager(int index) throws InterruptedException {
        Process p = taskManagers.get(index);
        p.destroyForcibly();
        p.waitFor(10, TimeUnit.SECONDS);
    }

    /**
     * The first TaskManager whose log shows it received a task whose name contains {@code
     * taskName}.
     */
    public int taskManagerRunning(String taskName) throws IOException {
        for (int i = 0; i < taskManagers.size(); i++) {
            Path log = dir.resolve("log/taskmanager-" + i + ".log");
            if (Files.exists(log) && Files.readString(log).contains("Received task " + taskName)) {
                return i;
            }
        }
        throw new IllegalStateException("no TaskManager runs a task named '" + taskName + "'");
    }

    private Process launch(String name, String mainClass, String heap) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx" + heap);
        cmd.add("-XX:MaxDirectMemorySize=256m");
        cmd.add("-Dlog.file=" + dir.resolve("log/" + name + ".log"));
        cmd.add("-Dlog4j.configurationFile=" + dir.resolve("conf/log4j2.properties").toUri());
        cmd.add("--add-opens=java.base/java.util=ALL-UNNAMED");
        cmd.add("--add-opens=java.base/java.lang=ALL-UNNAMED");
        cmd.add("-cp");
        cmd.add(classpath);
        cmd.add(mainClass);
        cmd.add("--configDir");
        cmd.add(dir.resolve("conf").toString());
        return new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("log/" + name + ".out").toFile())
                .start();
    }

    public String restUrl() {
        return "http://localhost:" + restPort;
    }

    private String get(String path) throws IOException, InterruptedException {
        HttpResponse<String> r =
                http.send(
                        HttpRequest.newBuilder(URI.create(restUrl() + path))
                                .timeout(Duration.ofSeconds(10))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            throw new IOException("GET " + path + " -> " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    private void awaitRest(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (!jobManager.isAlive()) {
                throw new IllegalStateException("the JobManager exited; see " + dir.resolve("log"));
            }
            try {
                get("/overview");
                return;
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(
                            "the JobManager's REST API did not come up; see " + dir.resolve("log"),
                            e);
                }
                Thread.sleep(250);
            }
        }
    }

    /** Waits until this many TaskManagers are registered. */
    public void awaitTaskManagers(int count, Duration timeout) throws Exception {
        Pattern tms = Pattern.compile("\"taskmanagers\"\\s*:\\s*(\\d+)");
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Matcher m = tms.matcher(get("/overview"));
            if (m.find() && Integer.parseInt(m.group(1)) == count) {
                return;
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(
                count + " TaskManagers did not register; see " + dir.resolve("log"));
    }

    /**
     * Uploads a job jar through REST and runs {@code entryClass} with {@code args}; returns the job
     * id.
     */
    public String submit(Path jar, String entryClass, List<String> args, int parallelism)
            throws Exception {
        String boundary = "cordon-" + UUID.randomUUID();
        byte[] head =
                ("--"
                                + boundary
                                + "\r\nContent-Disposition: form-data; name=\"jarfile\"; filename=\""
                                + jar.getFileName()
                                + "\"\r\nContent-Type: application/x-java-archive\r\n\r\n")
                        .getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> upload =
                http.send(
                        HttpRequest.newBuilder(URI.create(restUrl() + "/jars/upload"))
                                .timeout(Duration.ofMinutes(2))
                                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                                .POST(
                                        HttpRequest.BodyPublishers.concat(
                                                HttpRequest.BodyPublishers.ofByteArray(head),
                                                HttpRequest.BodyPublishers.ofFile(jar),
                                                HttpRequest.BodyPublishers.ofByteArray(tail)))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        Matcher jarId = JAR_ID.matcher(upload.body());
        if (upload.statusCode() != 200 || !jarId.find()) {
            throw new IOException(
                    "jar upload failed: " + upload.statusCode() + " " + upload.body());
        }
        StringBuilder argList = new StringBuilder();
        for (String a : args) {
            argList.append(argList.length() == 0 ? "" : ",")
                    .append('"')
                    .append(a.replace("\\", "\\\\").replace("\"", "\\\""))
                    .append('"');
        }
        String body =
                "{\"entryClass\":\""
                        + entryClass
                        + "\",\"programArgsList\":["
                        + argList
                        + "],\"parallelism\":"
                        + parallelism
                        + "}";
        HttpResponse<String> run =
                http.send(
                        HttpRequest.newBuilder(
                                        URI.create(restUrl() + "/jars/" + jarId.group(1) + "/run"))
                                .timeout(Duration.ofMinutes(2))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        Matcher jobId = JOB_ID.matcher(run.body());
        if (run.statusCode() != 200 || !jobId.find()) {
            throw new IOException("job run failed: " + run.statusCode() + " " + run.body());
        }
        return jobId.group(1);
    }

    /** The job's state as the REST API reports it (RUNNING, RESTARTING, FAILED ...). */
    public String jobState(String jobId) throws Exception {
        Matcher m = STATE.matcher(get("/jobs/" + jobId));
        return m.find() ? m.group(1) : "UNKNOWN";
    }

    /** Number of completed checkpoints of the job. */
    public long completedCheckpoints(String jobId) throws Exception {
        Matcher m =
                Pattern.compile("\"completed\"\\s*:\\s*(\\d+)")
                        .matcher(get("/jobs/" + jobId + "/checkpoints"));
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    /** When the job last entered RESTARTING (epoch ms), or 0 if it never did. */
    public long lastRestartMs(String jobId) throws Exception {
        Matcher m = Pattern.compile("\"RESTARTING\"\\s*:\\s*(\\d+)").matcher(get("/jobs/" + jobId));
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    public void awaitJobState(String jobId, String state, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            last = jobState(jobId);
            if (last.equals(state)) {
                return;
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(
                "job " + jobId + " is " + last + ", not " + state + "; see " + dir.resolve("log"));
    }

    @Override
    public void close() {
        for (Process p : taskManagers) {
            p.destroyForcibly();
        }
        if (jobManager != null) {
            jobManager.destroyForcibly();
        }
        for (Process p : taskManagers) {
            try {
                p.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
