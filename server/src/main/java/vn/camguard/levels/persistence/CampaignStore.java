package vn.camguard.levels.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import vn.camguard.levels.Campaigns.Campaign;

/** The campaigns; who may change them is checked by the caller. */
@Repository
public class CampaignStore {

	private final JdbcClient jdbc;

	public CampaignStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<Campaign> all() {
		return jdbc.sql("SELECT * FROM level_campaign ORDER BY COALESCE(levels_due_on, plans_due_on), id")
			.query(CampaignStore::campaign)
			.list();
	}

	public Optional<Campaign> find(long id) {
		return jdbc.sql("SELECT * FROM level_campaign WHERE id = :id").param("id", id).query(CampaignStore::campaign)
			.optional();
	}

	public boolean codeTaken(String code, long exceptId) {
		return jdbc.sql("SELECT COUNT(*) FROM level_campaign WHERE UPPER(code) = UPPER(:code) AND id <> :id")
			.param("code", code)
			.param("id", exceptId)
			.query(Long.class)
			.single() > 0;
	}

	public long insert(Campaign campaign, String by, OffsetDateTime at) {
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO level_campaign (code, name_vi, name_en, framework_codes, levels_due_on, plans_due_on,
				  verified, source, updated_by, updated_at)
				VALUES (:code, :nameVi, :nameEn, :frameworks, :levelsDueOn, :plansDueOn, :verified, :source, :by, :at)""")
			.params(values(campaign, by, at))
			.update(key, "id");
		return key.getKeyAs(Long.class);
	}

	public void update(Campaign campaign, String by, OffsetDateTime at) {
		jdbc.sql("""
				UPDATE level_campaign SET code = :code, name_vi = :nameVi, name_en = :nameEn, framework_codes = :frameworks,
				  levels_due_on = :levelsDueOn, plans_due_on = :plansDueOn, verified = :verified, source = :source,
				  updated_by = :by, updated_at = :at
				WHERE id = :id""").params(values(campaign, by, at)).update();
	}

	private static Map<String, Object> values(Campaign campaign, String by, OffsetDateTime at) {
		Map<String, Object> values = new HashMap<>();
		values.put("id", campaign.id());
		values.put("code", campaign.code());
		values.put("nameVi", campaign.nameVi());
		values.put("nameEn", campaign.nameEn());
		values.put("frameworks", String.join(",", campaign.frameworkCodes()));
		values.put("levelsDueOn", campaign.levelsDueOn());
		values.put("plansDueOn", campaign.plansDueOn());
		values.put("verified", campaign.verified());
		values.put("source", campaign.source());
		values.put("by", by);
		values.put("at", at);
		return values;
	}

	private static Campaign campaign(ResultSet rs, int row) throws SQLException {
		List<String> frameworks = Arrays.stream(rs.getString("framework_codes").split(","))
			.map(String::strip)
			.filter(s -> !s.isEmpty())
			.toList();
		return new Campaign(rs.getLong("id"), rs.getString("code"), rs.getString("name_vi"), rs.getString("name_en"),
				frameworks, rs.getObject("levels_due_on", LocalDate.class), rs.getObject("plans_due_on", LocalDate.class),
				rs.getBoolean("verified"), rs.getString("source"));
	}

}
