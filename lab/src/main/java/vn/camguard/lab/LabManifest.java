package vn.camguard.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The ground-truth manifest of a running lab: every device and what it was built with. */
public record LabManifest(List<DeviceTruth> devices) {

	public LabManifest {
		devices = List.copyOf(devices);
	}

	public Optional<DeviceTruth> device(String address) {
		return devices.stream().filter(d -> d.address().equals(address)).findFirst();
	}

	public String toJson() {
		return JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build().writeValueAsString(this);
	}

	public void write(Path file) throws IOException {
		Files.writeString(file, toJson());
	}

	public static LabManifest read(Path file) throws IOException {
		return JsonMapper.builder().build().readValue(Files.readString(file), LabManifest.class);
	}

}
