package id.siaga.system;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Authenticates the product's own API against the Camunda identity service, so that officers use
 * one user and password everywhere. Each Camunda group becomes the authority {@code GROUP_<id>}.
 */
@Component
class CamundaIdentityAuthentication implements AuthenticationProvider {

  static final String GROUP_PREFIX = "GROUP_";

  private final IdentityService identity;

  CamundaIdentityAuthentication(IdentityService identity) {
    this.identity = identity;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String userId = authentication.getName();
    Object password = authentication.getCredentials();
    if (userId == null || password == null || !identity.checkPassword(userId, password.toString())) {
      throw new BadCredentialsException("Nama pengguna atau kata sandi salah");
    }
    List<GrantedAuthority> authorities = identity.createGroupQuery().groupMember(userId).list().stream()
        .map(Group::getId).<GrantedAuthority>map(id -> new SimpleGrantedAuthority(GROUP_PREFIX + id)).toList();
    return UsernamePasswordAuthenticationToken.authenticated(userId, null, authorities);
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
