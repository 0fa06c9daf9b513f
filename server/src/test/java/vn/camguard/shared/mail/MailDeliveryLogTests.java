package vn.camguard.shared.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * A mail that cannot be sent leaves its reason, address included, to the caller's record (shown in the app to those
 * who may read it) and only the record's ids and the kind of failure in the log: no recipient address, no server text.
 */
@ExtendWith(OutputCaptureExtension.class)
class MailDeliveryLogTests {

	@Test
	void aRefusedMailIsLoggedByItsRecordWithoutTheRecipientsAddress(CapturedOutput output) throws Exception {
		String address = "nguyen.van.a@xa-thu.example.vn";
		try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getByName("127.87.0.1"))) {
			server.setSoTimeout(10_000);
			CompletableFuture<Void> refusing = CompletableFuture.runAsync(() -> refuseRecipients(server));
			JavaMailSenderImpl smtp = new JavaMailSenderImpl();
			smtp.setHost("127.87.0.1");
			smtp.setPort(server.getLocalPort());
			smtp.getJavaMailProperties().put("mail.smtp.timeout", "10000");
			smtp.getJavaMailProperties().put("mail.smtp.connectiontimeout", "10000");
			MailDelivery delivery = new MailDelivery(
					new StaticListableBeanFactory(Map.of("smtp", smtp)).getBeanProvider(JavaMailSender.class),
					"CamGuard <no-reply@camguard.invalid>");

			Delivery failed = delivery.send(new OutgoingMail(address, "Thông báo", "Nội dung", List.of(),
					"notification 42, user 7"));
			refusing.get(20, TimeUnit.SECONDS);

			assertThat(failed.outcome()).isEqualTo(Delivery.Outcome.FAILED);
			assertThat(failed.failure()).as("the reason kept for the app").contains("550").contains(address);
			assertThat(output.getAll()).contains("mail not sent for notification 42, user 7")
				.contains("SMTPAddressFailedException")
				.doesNotContain(address)
				.doesNotContain("xa-thu.example.vn")
				.doesNotContain("Recipient address rejected");
		}
	}

	/**
	 * One SMTP session as a mail server answers a recipient it does not know (Postfix's words): every command
	 * accepted but RCPT, which is refused naming the address. Bounded: one connection, ten seconds a read.
	 */
	private static void refuseRecipients(ServerSocket server) {
		try (Socket client = server.accept()) {
			client.setSoTimeout(10_000);
			BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
			PrintWriter out = new PrintWriter(client.getOutputStream(), true, StandardCharsets.US_ASCII);
			out.print("220 mail.example.vn ESMTP\r\n");
			out.flush();
			for (int commands = 0; commands < 20; commands++) {
				String line = in.readLine();
				if (line == null) {
					return;
				}
				String command = line.length() < 4 ? line : line.substring(0, 4).toUpperCase(Locale.ROOT);
				String reply = switch (command) {
					case "RCPT" -> "550 5.1.1 " + line.substring(line.indexOf('<'))
							+ ": Recipient address rejected: User unknown in virtual mailbox table";
					case "QUIT" -> "221 2.0.0 Bye";
					default -> "250 mail.example.vn";
				};
				out.print(reply + "\r\n");
				out.flush();
				if (command.equals("QUIT")) {
					return;
				}
			}
		}
		catch (IOException ended) {
			// the client closed the session
		}
	}

}
