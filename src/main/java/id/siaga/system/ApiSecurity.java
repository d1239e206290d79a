package id.siaga.system;

import static org.springframework.security.config.Customizer.withDefaults;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Security of the product's own endpoints. The Camunda webapps keep their own login and
 * {@code /engine-rest} its own filter ({@link EngineRestSecurity}); these chains cover
 * {@code /api/**}, {@code /actuator/**}, the board's pages {@code /papan/**} (form login,
 * {@link #boardPagesChain}) and the demo pages {@code /demo/**}: HTTP Basic against the Camunda identity service,
 * stateless (no cookie, so no CSRF token needed), administration for {@code camunda-admin} only.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurity {

  static final String ADMIN = CamundaIdentityAuthentication.GROUP_PREFIX + Groups.CAMUNDA_ADMIN;

  @Bean
  @Order(1)
  SecurityFilterChain apiChain(HttpSecurity http, IdentityService identity) throws Exception {
    return http.securityMatcher("/api/**")
        .authorizeHttpRequests(requests -> requests
            .requestMatchers("/api/admin/**").hasAuthority(ADMIN)
            .anyRequest().authenticated())
        .httpBasic(withDefaults())
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(csrf -> csrf.disable())
        .addFilterAfter(new EngineAuthenticationFilter(identity), BasicAuthenticationFilter.class)
        .build();
  }

  /** The demo mailbox page: a browser login prompt (HTTP Basic) against the same users. */
  @Bean
  @Order(3)
  SecurityFilterChain demoPagesChain(HttpSecurity http) throws Exception {
    return http.securityMatcher("/demo/**")
        .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
        .httpBasic(withDefaults())
        .csrf(csrf -> csrf.disable())
        .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
            "default-src 'self'; style-src 'self' 'unsafe-inline'; frame-src 'self'; script-src 'none'")))
        .build();
  }

  /**
   * The readiness board's pages ({@code /papan/**}): a login form in Bahasa Indonesia against the
   * same users, a session cookie (with CSRF protection for the login and logout forms), the signed-in
   * user handed to the engine for each request. No scripts: the pages are plain HTML and CSS.
   */
  @Bean
  @Order(4)
  SecurityFilterChain boardPagesChain(HttpSecurity http, IdentityService identity) throws Exception {
    return http.securityMatcher("/papan", "/papan/**")
        .authorizeHttpRequests(requests -> requests
            .requestMatchers("/papan/masuk").permitAll()
            .anyRequest().authenticated())
        .formLogin(form -> form.loginPage("/papan/masuk").loginProcessingUrl("/papan/masuk")
            .defaultSuccessUrl("/papan", false).failureUrl("/papan/masuk?gagal"))
        .logout(logout -> logout.logoutUrl("/papan/keluar").logoutSuccessUrl("/papan/masuk?keluar"))
        .addFilterAfter(new EngineAuthenticationFilter(identity), AnonymousAuthenticationFilter.class)
        .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
            "default-src 'self'; style-src 'self' 'unsafe-inline'; script-src 'none'; form-action 'self';"
                + " frame-ancestors 'none'")))
        .build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain actuatorChain(HttpSecurity http) throws Exception {
    return http.securityMatcher("/actuator/**")
        .authorizeHttpRequests(requests -> requests
            .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
            .anyRequest().hasAuthority(ADMIN))
        .httpBasic(withDefaults())
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(csrf -> csrf.disable())
        .build();
  }
}
