package id.siaga.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 16, parts 2 to 4: two nodes of the packaged jar, each in its own JVM with the production
 * profile, on one PostgreSQL server (embedded, started here), sending to one SMTP server (GreenMail,
 * here), behind a round-robin reverse proxy ({@link RoundRobinProxy}). The scenarios run one after
 * the other on the same cluster:
 *
 * <ol>
 *   <li>node A is killed ({@code kill -9}) in the middle of a national start and of a reminder
 *       burst: node B finishes both, every mail is delivered once, and node A rejoins after a restart;
 *   <li>the SMTP server is down during a reminder burst: incidents show in the engine's incident API
 *       (what Cockpit shows) meanwhile, and after it is back every mail is delivered once, with no
 *       operator;
 *   <li>the database server restarts under load: the nodes recover without a restart of their own
 *       and no work is lost.
 * </ol>
 *
 * <p>Time is the real clock here (two JVMs cannot share the engine's test clock), so the timings of
 * the production settings are scaled down by command-line properties: the reminder is due at once
 * ({@code siaga.deadlines.reminder-before=P400D}), the job lock lasts 20 s instead of 5 min, the
 * mail claim 20 s instead of 5 min, the national start's lease 10 s instead of 1 min, the job
 * retries are 10 s apart instead of 5 min, the SMTP outage lasts 40 s instead of 10 min.
 * {@code MailOutageTest} plays the outage with the production settings on the engine's clock.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterFaultsIT {

  static Path workDir;
  static EmbeddedPostgres postgres;
  static int postgresPort;
  static Mailbox smtp;
  static Node nodeA;
  static Node nodeB;
  static RoundRobinProxy proxy;
  static JdbcTemplate jdbc;
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void startCluster() throws Exception {
    workDir = Files.createTempDirectory("siaga-cluster");
    postgresPort = Node.freePort();
    postgres = startPostgres();
    jdbc = new JdbcTemplate(postgres.getPostgresDatabase());
    smtp = new Mailbox(Node.freePort());
    smtp.start();
    Path jar = Path.of(System.getProperty("siaga.jar"));
    nodeA = new Node("node-a", jar, workDir, environment(), arguments("node-a"));
    nodeB = new Node("node-b", jar, workDir, environment(), arguments("node-b"));
    // the first node creates the schemas alone (docs/operations.md: start one node first)
    nodeA.start();
    assertThat(nodeA.post("/api/admin/regions/import", null).statusCode()).isEqualTo(200);
    nodeB.start();
    proxy = new RoundRobinProxy(List.of(nodeA, nodeB));
  }

  @AfterAll
  static void stopCluster() throws Exception {
    if (proxy != null) {
      proxy.close();
    }
    for (Node node : new Node[] {nodeA, nodeB}) {
      if (node != null) {
        node.close();
      }
    }
    if (smtp != null) {
      smtp.stop();
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  @Order(1)
  void aNodeKilledInTheMiddleOfANationalStartAndAReminderBurstLosesNothing() throws Exception {
    String far = insertSimulation(300);
    String near = insertSimulation(15);
    addRecipients("73");
    long mailsBefore = smtp.deliveries().size();

    // the burst: Sulawesi Selatan's 25 race regions walk an election two weeks away, so their
    // current stages start at once, with tasks whose reminders are due at once
    String burstRun = runId(nodeB.post("/api/readiness/" + near + "/start?province=73", null));
    // the national start on node A: 545 regions walk an election ten months away
    String nationalRun = runId(nodeA.post("/api/readiness/" + far + "/start", null));

    await(Duration.ofMinutes(3), "node A in the middle of the national start and of the burst", () ->
        walks(far) >= 60 && outbox("SENT") >= 1 && outbox("PENDING") + outbox("SENDING") >= 1);
    int walksAtKill = walks(far);
    long pendingAtKill = outbox("PENDING") + outbox("SENDING");
    nodeA.kill();
    System.out.printf("node A killed: %d of 545 regions walking, %d mails queued or being sent, %d delivered%n",
        walksAtKill, pendingAtKill, smtp.deliveries().size() - mailsBefore);
    assertThat(walksAtKill).as("killed in the middle of the national start").isLessThan(545);

    // users keep working through the proxy while node A is dead
    assertThat(viaProxy("/engine-rest/task/count").statusCode()).isEqualTo(200);
    assertThat(viaProxy("/api/readiness/runs/" + nationalRun).body()).contains("\"runId\":\"" + nationalRun + "\"");

    Instant killed = Instant.now();
    await(Duration.ofMinutes(5), "node B finishes the national start", () -> runStatus(nationalRun).equals("DONE"));
    Duration nationalDone = Duration.between(killed, Instant.now());
    await(Duration.ofMinutes(5), "node B finishes the burst", () -> runStatus(burstRun).equals("DONE") && settled());
    System.out.printf("after the kill: national start done in %d s, every job and mail done in %d s%n",
        nationalDone.toSeconds(), Duration.between(killed, Instant.now()).toSeconds());
    Map<String, Object> national = progress(nationalRun);
    assertThat(national.get("failed")).isEqualTo("0");
    assertThat(Integer.parseInt((String) national.get("started")) + Integer.parseInt((String) national.get("skipped")))
        .isEqualTo(545);
    assertThat(walks(far)).as("every race region walks once").isEqualTo(545);
    assertThat(instances("regional-readiness", far)).as("no region walks twice").isEqualTo(545);
    assertNothingLost();
    assertEveryMailDeliveredOnce();

    // node A rejoins: it serves users, runs jobs and sends mail again
    nodeA.start();
    long jobsBefore = jobsRunBy("node-a");
    // the two job executors compete for each job, so one run's few jobs may all go to node B: more
    // work (another province's run) until node A has run jobs and sent mail, at most four runs
    int rejoinRuns = 0;
    for (String province : List.of("64", "65", "61", "62")) {
      addRecipients(province);
      String rejoinRun = runId(viaProxyPost("/api/readiness/" + near + "/start?province=" + province));
      await(Duration.ofMinutes(3), "the run of province " + province, () -> runStatus(rejoinRun).equals("DONE")
          && settled());
      rejoinRuns++;
      if (jobsRunBy("node-a") > jobsBefore && mailsSentBy(nodeA) > 0) {
        break;
      }
    }
    System.out.printf("node A rejoined: %d jobs and %d mails of its own after %d run(s)%n",
        jobsRunBy("node-a") - jobsBefore, mailsSentBy(nodeA), rejoinRuns);
    assertThat(jobsRunBy("node-a")).as("jobs run by node A after its restart").isGreaterThan(jobsBefore);
    assertThat(mailsSentBy(nodeA)).as("mails sent by node A after its restart").isPositive();
    assertThat(proxy.answeredBy.get("node-a").get()).isPositive();
    assertThat(proxy.answeredBy.get("node-b").get()).isPositive();
    assertNothingLost();
    assertEveryMailDeliveredOnce();
  }

  @Test
  @Order(2)
  void anSmtpOutageShowsIncidentsMeanwhileAndEveryMailGoesOutOnceAfterIt() throws Exception {
    String near = insertSimulation(16);
    addRecipients("76");
    smtp.stop();
    Instant down = Instant.now();
    String run = runId(viaProxyPost("/api/readiness/" + near + "/start?province=76"));
    await(Duration.ofSeconds(35), "incidents of the mails that cannot be sent", () -> openMailIncidents() > 0);
    String incidents = viaProxy("/engine-rest/incident?incidentType=mailDelivery").body();
    assertThat(incidents).contains("belum terkirim");
    System.out.printf("SMTP down: %d mail incidents open after %d s%n", openMailIncidents(),
        Duration.between(down, Instant.now()).toSeconds());
    Thread.sleep(Math.max(0, Duration.ofSeconds(40).minus(Duration.between(down, Instant.now())).toMillis()));
    assertThat(outbox("SENT")).as("nothing marked sent while the server was down").isEqualTo(sentBefore(down));
    long incidentsAtEnd = openMailIncidents();
    smtp.start();
    Instant up = Instant.now();
    await(Duration.ofMinutes(3), "every mail after the outage", () -> runStatus(run).equals("DONE") && settled());
    Duration allSent = Duration.between(up, Instant.now());
    await(Duration.ofSeconds(30), "the incidents resolved", () -> openMailIncidents() == 0);
    System.out.printf("SMTP back after %d s with %d incidents open: every mail sent %d s later, incidents resolved"
        + " %d s later%n", Duration.between(down, up).toSeconds(), incidentsAtEnd, allSent.toSeconds(),
        Duration.between(up, Instant.now()).toSeconds());
    assertNothingLost();
    assertEveryMailDeliveredOnce();
  }

  @Test
  @Order(3)
  void aDatabaseRestartUnderLoadIsRecoveredWithoutRestartingTheNodes() throws Exception {
    String near = insertSimulation(17);
    addRecipients("35");
    long pidA = nodeA.pid();
    long pidB = nodeB.pid();
    AtomicBoolean loading = new AtomicBoolean(true);
    AtomicLong answered = new AtomicLong();
    AtomicLong refused = new AtomicLong();
    Thread officers = new Thread(() -> {
      while (loading.get()) {
        try {
          int status = viaProxy("/engine-rest/task/count").statusCode();
          (status == 200 ? answered : refused).incrementAndGet();
        } catch (Exception e) {
          refused.incrementAndGet();
        }
      }
    });
    officers.start();
    String run = runId(viaProxyPost("/api/readiness/" + near + "/start?province=35"));
    await(Duration.ofMinutes(2), "the run under way", () -> walksOf(near) >= 3);
    postgres.close();
    Instant stopped = Instant.now();
    Thread.sleep(15_000);
    postgres = startPostgres();
    jdbc = new JdbcTemplate(postgres.getPostgresDatabase());
    System.out.printf("database down for %d s%n", Duration.between(stopped, Instant.now()).toSeconds());
    Instant back = Instant.now();
    await(Duration.ofMinutes(2), "both nodes healthy again", () -> nodeA.healthy() && nodeB.healthy());
    Duration healthy = Duration.between(back, Instant.now());
    await(Duration.ofMinutes(5), "the run and its mails", () -> runStatus(run).equals("DONE") && settled());
    System.out.printf("database back: both nodes healthy %d ms later, the run and its mails done %d s later%n",
        healthy.toMillis(), Duration.between(back, Instant.now()).toSeconds());
    loading.set(false);
    officers.join();
    assertThat(nodeA.pid()).as("node A was not restarted").isEqualTo(pidA);
    assertThat(nodeB.pid()).as("node B was not restarted").isEqualTo(pidB);
    System.out.printf("officers' requests: %d answered, %d refused (during the outage)%n", answered.get(),
        refused.get());
    assertThat(progress(run).get("failed")).isEqualTo("0");
    assertThat(walksOf(near)).isEqualTo(Integer.parseInt((String) progress(run).get("total")));
    assertNothingLost();
    assertEveryMailDeliveredOnce();
  }

  /** A scenario that failed may leave a node down; the next one starts with both. */
  @BeforeEach
  void bothNodesUp() throws Exception {
    for (Node node : List.of(nodeA, nodeB)) {
      if (!node.alive()) {
        node.start();
      }
    }
  }

  // ---------------------------------------------------------------------------------------------

  /**
   * No job left behind, no failed job, no queued mail, and every open task whose reminder was due
   * at once got it: the task types on the default deadline settings, whose reminder the
   * command line puts 400 days before the due time (the task types with their own settings in
   * application.yaml, e.g. situation reports an hour before, are reminded later).
   */
  static void assertNothingLost() {
    assertThat(jdbc.queryForObject("select count(*) from act_ru_job where retries_ = 0", Long.class))
        .as("jobs out of retries").isZero();
    assertThat(jdbc.queryForObject("select count(*) from act_ru_incident where incident_type_ = 'failedJob'",
        Long.class)).as("failed-job incidents").isZero();
    assertThat(outbox("PENDING") + outbox("SENDING")).as("mails not sent").isZero();
    String remindedAtOnce = " t.task_def_key_ in ('ScheduleRakorTask', 'ReviewPlanTask') and t.due_date_ is not null";
    assertThat(jdbc.queryForObject("select count(*) from act_ru_task t where" + remindedAtOnce, Long.class))
        .as("open tasks reminded at once").isPositive();
    assertThat(jdbc.queryForList("select t.id_ || ' ' || t.task_def_key_ from act_ru_task t where" + remindedAtOnce
        + " and not exists (select 1 from siaga_mail_outbox o where o.subject_key = t.id_)", String.class))
        .as("open tasks without their reminder or overdue notice").isEmpty();
  }

  /**
   * Every mail the outbox says was sent arrived, nothing else arrived, and each arrived once: a
   * mail's copies are one per recipient. A mail handed to the SMTP server by the killed node in
   * the milliseconds before it could record that (the one window no database transaction spans)
   * may arrive a second time, with the same Message-ID; that is counted and printed, never more
   * than one per node killed.
   */
  static void assertEveryMailDeliveredOnce() throws MessagingException {
    Map<String, Integer> copies = new HashMap<>();
    Map<String, Integer> recipients = new HashMap<>();
    for (MimeMessage message : smtp.deliveries()) {
      String id = message.getMessageID();
      copies.merge(id, 1, Integer::sum);
      recipients.put(id, count(message.getRecipients(Message.RecipientType.TO))
          + count(message.getRecipients(Message.RecipientType.CC)));
    }
    List<String> sent = jdbc.queryForList("select distinct message_id from siaga_mail_outbox where status = 'SENT'",
        String.class);
    assertThat(copies.keySet()).as("every mail marked sent arrived").containsAll(sent);
    assertThat(sent).as("every mail that arrived is one the outbox marked sent").containsAll(copies.keySet());
    List<String> twice = copies.entrySet().stream().filter(e -> e.getValue() > recipients.get(e.getKey()))
        .map(e -> e.getKey() + " x" + e.getValue() / recipients.get(e.getKey())).toList();
    System.out.printf("mails: %d sent, %d copies received, arrived twice: %s%n", sent.size(),
        copies.values().stream().mapToInt(Integer::intValue).sum(), twice);
    assertThat(copies.entrySet()).as("each mail arrived once per recipient")
        .allSatisfy(e -> assertThat(e.getValue()).as(e.getKey()).isIn(recipients.get(e.getKey()),
            2 * recipients.get(e.getKey())));
    assertThat(twice).as("mails in flight on the killed node").hasSizeLessThanOrEqualTo(1);
  }

  private static int count(Object[] addresses) {
    return addresses == null ? 0 : addresses.length;
  }

  /** Nothing due and unlocked, nothing queued: the cluster has caught up. */
  /**
   * No job due and no mail left. "Due" includes the next 5 seconds: a task whose reminder is
   * already due when it is created gets its timer at the next whole second after now + 1 s
   * (TaskDeadlines), so a task created a moment ago has a job due in up to 2 s that will queue its
   * mail (a CI run once looked in that moment and found the task without its reminder).
   */
  static boolean settled() {
    return jdbc.queryForObject("select count(*) from act_ru_job where retries_ > 0 and (duedate_ is null or duedate_"
        + " <= now() + interval '5 seconds')", Long.class) == 0 && outbox("PENDING") + outbox("SENDING") == 0;
  }

  static long outbox(String status) {
    return jdbc.queryForObject("select count(*) from siaga_mail_outbox where status = ?", Long.class, status);
  }

  static long sentBefore(Instant instant) {
    return jdbc.queryForObject("select count(*) from siaga_mail_outbox where status = 'SENT' and sent_at < ?",
        Long.class, Timestamp.from(instant));
  }

  static long openMailIncidents() {
    return jdbc.queryForObject("select count(*) from act_ru_incident where incident_type_ = 'mailDelivery'", Long.class);
  }

  static long jobsRunBy(String host) {
    return jdbc.queryForObject("select count(*) from act_hi_job_log where hostname_ = ? and job_state_ = 2", Long.class,
        host);
  }

  static long mailsSentBy(Node node) {
    return jdbc.queryForObject("select count(*) from siaga_mail_outbox where status in ('SENT', 'SKIPPED')"
        + " and claimed_by like ?", Long.class, node.pid() + "@%");
  }

  static int walks(String electionId) {
    return walksOf(electionId);
  }

  static int walksOf(String electionId) {
    return jdbc.queryForObject("select count(*) from siaga_regional_readiness where election_id = ?", Integer.class,
        electionId);
  }

  static int instances(String processKey, String electionId) {
    return jdbc.queryForObject("select count(*) from act_ru_execution e join act_re_procdef d on d.id_ = e.proc_def_id_"
        + " where e.parent_id_ is null and d.key_ = ? and e.business_key_ like ?", Integer.class, processKey,
        electionId + ":%");
  }

  /** Voting in that many days, on the 2024 calendar: an election the test owns. */
  static String insertSimulation(int votingInDays) {
    LocalDate voting = LocalDate.now().plusDays(votingInDays);
    String id = "simulasi-" + voting.toString().replace("-", "");
    jdbc.update("insert into siaga_election (id, name, base_calendar, voting_day, simulation, created_at)"
        + " values (?, ?, 'pilkada-2024', ?, true, ?)", id, "Simulasi uji klaster " + voting, Date.valueOf(voting),
        Timestamp.from(Instant.now()));
    return id;
  }

  /**
   * One user with an e-mail address in every agency group of a province (its own, its regencies'
   * and cities', its kecamatan bodies'), so that their deadline mails go out. Test data, written
   * straight into the engine's identity tables: these users never log in.
   */
  static void addRecipients(String province) {
    List<String> groups = jdbc.queryForList("select id_ from act_id_group g where id_ ~ ? and not exists"
        + " (select 1 from act_id_membership m where m.group_id_ = g.id_)", String.class, "^[a-z]+" + province + "[0-9]*$");
    jdbc.batchUpdate("insert into act_id_user (id_, rev_, first_, last_, email_) values (?, 1, 'Uji', ?, ?)",
        groups.stream().map(group -> new Object[] {"uji-" + group, group, group + "@uji.siaga.test"}).toList());
    jdbc.batchUpdate("insert into act_id_membership (user_id_, group_id_) values (?, ?)",
        groups.stream().map(group -> new Object[] {"uji-" + group, group}).toList());
  }

  static String runId(HttpResponse<String> started) {
    assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
    return field(started.body(), "runId");
  }

  static String runStatus(String runId) {
    return (String) progress(runId).get("status");
  }

  /** The run's progress as any node answers it (through the proxy). */
  static Map<String, Object> progress(String runId) {
    try {
      HttpResponse<String> response = viaProxy("/api/readiness/runs/" + runId);
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      Map<String, Object> fields = new LinkedHashMap<>();
      for (String name : List.of("status", "total", "started", "skipped", "failed")) {
        fields.put(name, field(response.body(), name));
      }
      return fields;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static String field(String json, String name) {
    Matcher matcher = Pattern.compile("\"" + name + "\":\"?([^\",}]*)").matcher(json);
    assertThat(matcher.find()).as(name + " in " + json).isTrue();
    return matcher.group(1);
  }

  static HttpResponse<String> viaProxy(String path) throws Exception {
    return HTTP.send(Node.request(URI.create("http://127.0.0.1:" + proxy.port() + path), "GET",
        Node.ADMIN + ":" + Node.ADMIN_PASSWORD, null), HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> viaProxyPost(String path) throws Exception {
    return HTTP.send(Node.request(URI.create("http://127.0.0.1:" + proxy.port() + path), "POST",
        Node.ADMIN + ":" + Node.ADMIN_PASSWORD, null), HttpResponse.BodyHandlers.ofString());
  }

  static void await(Duration patience, String what, BooleanSupplier condition) throws InterruptedException {
    Instant deadline = Instant.now().plus(patience);
    while (Instant.now().isBefore(deadline)) {
      try {
        if (condition.getAsBoolean()) {
          return;
        }
      } catch (RuntimeException notYet) {
        // the database or a node may be down for a moment
      }
      Thread.sleep(200);
    }
    throw new AssertionError("not reached in " + patience + ": " + what + "\n--- node A:\n" + nodeA.tail(60)
        + "\n--- node B:\n" + nodeB.tail(60));
  }

  static EmbeddedPostgres startPostgres() throws Exception {
    return EmbeddedPostgres.builder().setPort(postgresPort).setDataDirectory(workDir.resolve("pgdata"))
        .setCleanDataDirectory(false).start();
  }

  static Map<String, String> environment() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("SPRING_PROFILES_ACTIVE", "prod");
    env.put("SIAGA_ADMIN_USER", Node.ADMIN);
    env.put("SIAGA_ADMIN_PASSWORD", Node.ADMIN_PASSWORD);
    env.put("SIAGA_DB_URL", "jdbc:postgresql://127.0.0.1:" + postgresPort + "/postgres");
    env.put("SIAGA_DB_USER", "postgres");
    // the embedded server trusts local connections; the prod profile refuses an empty password
    env.put("SIAGA_DB_PASSWORD", "trust-auth-ignores-it");
    env.put("SIAGA_SMTP_HOST", "127.0.0.1");
    env.put("SIAGA_SMTP_PORT", String.valueOf(smtp.port));
    env.put("SIAGA_SMTP_AUTH", "false");
    env.put("SIAGA_SMTP_STARTTLS", "false");
    env.put("SIAGA_BASE_URL", "http://127.0.0.1:8080");
    env.put("SIAGA_ALLOW_PLAIN_HTTP", "true");
    return env;
  }

  /** The production settings scaled down for real time (see the class comment). */
  static List<String> arguments(String host) {
    return List.of("--camunda.bpm.generic-properties.properties.hostname=" + host,
        "--siaga.deadlines.reminder-before=P400D", "--siaga.mail.batch-window=PT2S", "--siaga.mail.batch-poll=PT2S",
        "--siaga.mail.claim-lease=PT20S", "--siaga.readiness.run-lease=PT10S", "--siaga.readiness.resume-poll=PT3S",
        "--camunda.bpm.job-execution.lock-time-in-millis=20000",
        "--camunda.bpm.generic-properties.properties.failedJobRetryTimeCycle=R5/PT10S");
  }

  /** The SMTP server: stopped and started again on the same port; keeps what every run of it received. */
  static final class Mailbox {
    final int port;
    private GreenMail server;
    private final List<MimeMessage> earlier = new ArrayList<>();

    Mailbox(int port) {
      this.port = port;
    }

    synchronized void start() {
      server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
      server.start();
    }

    synchronized void stop() {
      earlier.addAll(Arrays.asList(server.getReceivedMessages()));
      server.stop();
      server = null;
    }

    /** Every copy received (one per recipient per delivery). */
    synchronized List<MimeMessage> deliveries() {
      List<MimeMessage> all = new ArrayList<>(earlier);
      if (server != null) {
        all.addAll(Arrays.asList(server.getReceivedMessages()));
      }
      return all;
    }
  }
}
