import java.io.File;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * H2's recovery after kill -9, without learnstats: two threads commit "deliveries" (a row in d and
 * 300 new keyed rows in p, one transaction) until the process is killed; {@code check} then opens
 * the store as the next night would and says whether every delivery is whole. Run by
 * {@code h2-kill-recovery.sh}: {@code java -cp h2.jar jobs/bench/H2KillWriter.java run|check STORE}.
 */
public class H2KillWriter {

	public static void main(String[] args) throws Exception {
		String url = "jdbc:h2:file:" + args[1];
		if (args[0].equals("check")) {
			System.exit(check(url));
		}
		try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
			s.execute("CREATE TABLE IF NOT EXISTS d(id INT PRIMARY KEY, t INT)");
			s.execute("CREATE TABLE IF NOT EXISTS p(pid VARCHAR(20) PRIMARY KEY, did INT, v VARCHAR(40))");
			s.execute("CREATE INDEX IF NOT EXISTS p_did ON p(did)");
		}
		Thread[] writers = { new Thread(() -> write(url, 0)), new Thread(() -> write(url, 1)) };
		for (Thread w : writers) {
			w.start();
		}
		for (Thread w : writers) {
			w.join();
		}
	}

	/** Thread {@code t} writes deliveries 2k+t, going on from the last one the store has (a resumed night). */
	private static void write(String url, int t) {
		try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
			c.setAutoCommit(false);
			ResultSet last = s.executeQuery("SELECT COALESCE(MAX(id), -1) FROM d WHERE t = " + t);
			last.next();
			int k = (last.getInt(1) < 0) ? 0 : (last.getInt(1) - t) / 2 + 1;
			c.commit();
			while (!new File(url.substring("jdbc:h2:file:".length()) + ".stop").exists()) {
				int id = 2 * k + t;
				s.execute("INSERT INTO d VALUES (" + id + ", " + t + ")");
				s.execute("INSERT INTO p SELECT 'k" + id + "-' || X, " + id + ", REPEAT('x', 30) FROM SYSTEM_RANGE(1, 300)");
				c.commit();
				k++;
			}
		}
		catch (SQLException ex) {
			System.out.println("WRITER FAILED " + ex.getMessage().lines().findFirst().orElse(""));
			System.exit(3);
		}
	}

	/** 0 when every delivery has its 300 rows and no row is without its delivery, 4 otherwise. */
	private static int check(String url) throws SQLException {
		try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
			long d = count(s, "SELECT COUNT(*) FROM d");
			long p = count(s, "SELECT COUNT(*) FROM p");
			long torn = count(s, "SELECT COUNT(*) FROM d WHERE (SELECT COUNT(*) FROM p WHERE p.did = d.id) <> 300");
			long orphans = count(s, "SELECT COUNT(*) FROM p WHERE did NOT IN (SELECT id FROM d)");
			boolean whole = torn == 0 && orphans == 0 && p == 300 * d;
			System.out.println((whole ? "whole" : "TORN") + ": deliveries " + d + ", rows " + p + ", deliveries without all their rows "
					+ torn + ", rows without their delivery " + orphans);
			return whole ? 0 : 4;
		}
	}

	private static long count(Statement s, String sql) throws SQLException {
		try (ResultSet r = s.executeQuery(sql)) {
			r.next();
			return r.getLong(1);
		}
	}

}
