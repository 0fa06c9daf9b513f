package vn.camguard.lab.device;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.ImageIO;

import vn.camguard.lab.http.Response;

/** The still image every simulated camera serves: a small, valid JPEG. */
final class Snapshot {

	private static final byte[] JPEG = render();

	private Snapshot() {
	}

	static Response response() {
		return Response.ok("image/jpeg", JPEG.clone());
	}

	private static byte[] render() {
		BufferedImage image = new BufferedImage(32, 24, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setColor(new Color(40, 90, 140));
		g.fillRect(0, 0, 32, 24);
		g.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "jpg", out);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toByteArray();
	}

}
