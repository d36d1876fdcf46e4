package org.learnstats.run;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SecretsTest {

	@Test
	void passwordsInUrlsAreMasked() {
		assertThat(Secrets.mask("jdbc:postgresql://db/ls?user=ls&password=s3cret&ssl=true"))
			.isEqualTo("jdbc:postgresql://db/ls?user=ls&password=****&ssl=true");
		assertThat(Secrets.mask("jdbc:h2:file:./data/x;USER=sa;PASSWORD=abc")).isEqualTo("jdbc:h2:file:./data/x;USER=sa;PASSWORD=****");
		assertThat(Secrets.mask("postgresql://ls:s3cret@db:5432/ls")).isEqualTo("postgresql://ls:****@db:5432/ls");
		assertThat(Secrets.mask("jdbc:h2:mem:x")).isEqualTo("jdbc:h2:mem:x");
	}

	@Test
	void secretArgumentsAreMasked() {
		assertThat(Secrets.maskArgs("run", "--spring.datasource.password=s3cret", "--as-of", "2025-01-01",
				"--spring.datasource.url=jdbc:postgresql://db/ls?password=x"))
			.containsExactly("run", "--spring.datasource.password=****", "--as-of", "2025-01-01",
					"--spring.datasource.url=jdbc:postgresql://db/ls?password=****");
	}

}
