package id.siaga.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Hands the authenticated API caller to the process engine for the length of the request, so that
 * every engine call made by the product's API is checked against the caller's authorizations.
 */
class EngineAuthenticationFilter extends OncePerRequestFilter {

  private final IdentityService identity;

  EngineAuthenticationFilter(IdentityService identity) {
    this.identity = identity;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication == null || !authentication.isAuthenticated()
        || authentication instanceof AnonymousAuthenticationToken) {
      chain.doFilter(request, response);
      return;
    }
    List<String> groups = authentication.getAuthorities().stream()
        .map(a -> a.getAuthority())
        .filter(a -> a.startsWith(CamundaIdentityAuthentication.GROUP_PREFIX))
        .map(a -> a.substring(CamundaIdentityAuthentication.GROUP_PREFIX.length()))
        .toList();
    identity.setAuthentication(authentication.getName(), groups);
    try {
      chain.doFilter(request, response);
    } finally {
      identity.clearAuthentication();
    }
  }
}
