package id.siaga.system;

import jakarta.ws.rs.core.Response.Status;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.GetDeployedTaskFormCmd;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.GetDeployedStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SaveUserCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.impl.value.UntypedValueImpl;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;

/**
 * The one gate every engine call of a user passes, whatever the entry point: Tasklist, Cockpit,
 * Admin, {@code /engine-rest} or the product's own API. It looks at the outermost command a
 * logged-in user runs (the job executor and the application's own steps run without a user and
 * are not its business):
 *
 * <ul>
 *   <li>an operator's tool ({@link OperatorCommands}) runs for administrators only, and is
 *       recorded ({@link OperatorAudit}); anyone else gets 403 and nothing changes;</li>
 *   <li>a task or start form submission carries only the fields its Camunda Form declares, each
 *       of its type and size ({@link FormFields}); anything else is refused with 400;</li>
 *   <li>a task is completed only by a member of one of its candidate groups (or its assignee);</li>
 *   <li>a user's profile is changed by administrators only, and an e-mail address must be valid
 *       wherever it is set ({@link EmailAddresses}).</li>
 * </ul>
 */
@Component
class EngineGuard extends AbstractProcessEnginePlugin {

  private final OperatorAudit audit;
  private ProcessEngineConfigurationImpl configuration;

  EngineGuard(OperatorAudit audit) {
    this.audit = audit;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    this.configuration = configuration;
    List<CommandInterceptor> interceptors = configuration.getCustomPreCommandInterceptorsTxRequired() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
    interceptors.add(new Gate());
    configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
  }

  final class Gate extends CommandInterceptor {

    @Override
    public <T> T execute(Command<T> command) {
      if (Context.getCommandContext() != null) {
        return next.execute(command);
      }
      if (command instanceof SaveUserCmd save) {
        checkAddress(save); // whoever sets it, the application's own seeding included
      }
      Authentication user = configuration.getIdentityService().getCurrentAuthentication();
      if (user == null || user.getUserId() == null) {
        return next.execute(command);
      }
      boolean admin = user.getGroupIds() != null && user.getGroupIds().contains(Groups.CAMUNDA_ADMIN);
      if (OperatorCommands.isOperatorOnly(command)) {
        return operatorTool(command, user, admin);
      }
      if (command instanceof SaveUserCmd save) {
        checkUser(save, user, admin);
      } else if (command instanceof SubmitTaskFormCmd || command instanceof CompleteTaskCmd) {
        checkTaskSubmission(command, user);
      } else if (command instanceof SubmitStartFormCmd || command instanceof StartProcessInstanceCmd) {
        checkStart(command);
      }
      return next.execute(command);
    }

    private <T> T operatorTool(Command<T> command, Authentication user, boolean admin) {
      String action = OperatorCommands.describe(command);
      if (!admin) {
        audit.record(user.getUserId(), user.getGroupIds(), action, OperatorAudit.REFUSED);
        throw new AuthorizationException("Hanya administrator yang boleh melakukan ini ("
            + command.getClass().getSimpleName() + "). Proses dimulai dari awalnya dan berjalan lewat formulir"
            + " tugasnya; tidak ada yang diubah.");
      }
      try {
        T result = next.execute(command);
        audit.record(user.getUserId(), user.getGroupIds(), action, OperatorAudit.DONE);
        return result;
      } catch (RuntimeException e) {
        audit.record(user.getUserId(), user.getGroupIds(), action, OperatorAudit.FAILED + ": " + e.getMessage());
        throw e;
      }
    }
  }

  // ---- tasks

  private record TaskFacts(Set<String> candidateGroups, String assignee, FormFields form) {}

  private void checkTaskSubmission(Object command, Authentication user) {
    String taskId = (String) OperatorCommands.field(command, "taskId");
    Map<String, Object> variables = OperatorCommands.submittedVariables(command);
    TaskFacts task = asSystem(context -> {
      TaskEntity entity = context.getTaskManager().findTaskById(taskId);
      if (entity == null) {
        return null;
      }
      Set<String> groups = entity.getIdentityLinks().stream()
          .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
          .map(IdentityLinkEntity::getGroupId).collect(Collectors.toSet());
      return new TaskFacts(groups, entity.getAssignee(), formOf(() -> new GetDeployedTaskFormCmd(taskId).execute(context)));
    });
    if (task == null) {
      // completed already, or its process ended (a leg closed, a meeting cancelled): a clear 404
      throw new InvalidRequestException(Status.NOT_FOUND, "Tugas " + taskId + " sudah tidak ada: sudah diselesaikan"
          + " atau prosesnya sudah ditutup. Tidak ada yang diubah.");
    }
    List<String> groups = user.getGroupIds() == null ? List.of() : user.getGroupIds();
    boolean member = groups.stream().anyMatch(task.candidateGroups()::contains);
    if (!member && !Objects.equals(task.assignee(), user.getUserId())) {
      // names no agency: a caller of another region learns nothing about the task
      throw new AuthorizationException("Tugas ini bukan untuk instansi " + user.getUserId()
          + "; hanya anggota instansi tugas yang dapat menyelesaikannya. Tidak ada yang diubah.");
    }
    refuseIfInvalid(task.form(), variables);
  }

  // ---- starts

  private void checkStart(Object command) {
    String definitionId;
    Map<String, Object> variables;
    if (command instanceof SubmitStartFormCmd) {
      definitionId = (String) OperatorCommands.field(command, "processDefinitionId");
      variables = OperatorCommands.submittedVariables(command);
    } else {
      ProcessInstantiationBuilderImpl builder =
          (ProcessInstantiationBuilderImpl) OperatorCommands.field(command, "instantiationBuilder");
      definitionId = builder.getProcessDefinitionId();
      if (definitionId == null && builder.getProcessDefinitionKey() != null) {
        String key = builder.getProcessDefinitionKey();
        definitionId = asSystem(context -> {
          ProcessDefinitionEntity latest = context.getProcessDefinitionManager().findLatestProcessDefinitionByKey(key);
          return latest == null ? null : latest.getId();
        });
      }
      variables = builder.getVariables();
    }
    if (definitionId == null) {
      return; // the command itself answers "no such process"
    }
    String id = definitionId;
    FormFields form = asSystem(context -> formOf(() -> new GetDeployedStartFormCmd(id).execute(context)));
    try {
      refuseIfInvalid(form, variables);
    } catch (FormFieldValidationException refused) {
      if (command instanceof SubmitStartFormCmd) {
        throw refused;
      }
      // /engine-rest's plain start answers every engine exception with 500; this one is the caller's
      throw new InvalidRequestException(Status.BAD_REQUEST, refused, refused.getMessage());
    }
  }

  // ---- forms

  private interface FormSource {
    InputStream open();
  }

  private static FormFields formOf(FormSource source) {
    try (InputStream form = source.open()) {
      return form == null ? FormFields.none() : FormFields.parse(form);
    } catch (Exception noForm) {
      return FormFields.none();
    }
  }

  private static void refuseIfInvalid(FormFields form, Map<String, Object> submitted) {
    if (submitted == null || submitted.isEmpty()) {
      return;
    }
    VariableMap typed = Variables.fromMap(submitted);
    Map<String, FormFields.Value> values = new LinkedHashMap<>();
    for (String name : typed.keySet()) {
      values.put(name, valueOf(typed.getValueTyped(name)));
    }
    List<String> problems = form.problems(values);
    if (!problems.isEmpty()) {
      throw new FormFieldValidationException("siaga-form-fields",
          "Isian tidak sah: " + String.join("; ", problems) + ". Tidak ada yang diubah.");
    }
  }

  static FormFields.Value valueOf(TypedValue typed) {
    if (typed instanceof ObjectValue object) {
      String format = object.getSerializationDataFormat();
      if (format != null && !format.contains("json")) {
        return new FormFields.Value(FormFields.ValueKind.JAVA_OBJECT, null, "Object");
      }
      String text = object.isDeserialized() ? String.valueOf(object.getValue()) : object.getValueSerialized();
      return new FormFields.Value(FormFields.ValueKind.JSON, text, "Object");
    }
    if (typed == null || typed.getValue() == null) {
      return new FormFields.Value(FormFields.ValueKind.NULL, null, "Null");
    }
    Object value = typed.getValue();
    String typeName = typed instanceof UntypedValueImpl || typed.getType() == null
        ? value.getClass().getSimpleName() : typed.getType().getName();
    if (value instanceof String text) {
      return new FormFields.Value(FormFields.ValueKind.STRING, text, typeName);
    }
    if (value instanceof Number number) {
      return new FormFields.Value(FormFields.ValueKind.NUMBER, number.toString(), typeName);
    }
    if (value instanceof Boolean bool) {
      return new FormFields.Value(FormFields.ValueKind.BOOLEAN, bool.toString(), typeName);
    }
    if (value instanceof SpinJsonNode json) {
      return new FormFields.Value(FormFields.ValueKind.JSON, json.toString(), typeName);
    }
    return new FormFields.Value(FormFields.ValueKind.OTHER, null, typeName);
  }

  // ---- users

  private void checkAddress(SaveUserCmd save) {
    User user = (User) OperatorCommands.field(save, "user");
    String problem = user == null ? null : EmailAddresses.problem(user.getEmail());
    if (problem != null) {
      throw new BadUserRequestException("Alamat surel tidak sah: " + problem + ". Tidak ada yang diubah.");
    }
    // the engine refuses a weak password too, but as a server error (500); say it is the caller's
    boolean skipPolicy = Boolean.TRUE.equals(OperatorCommands.field(save, "skipPasswordPolicy"));
    if (user instanceof UserEntity entity && entity.hasNewPassword() && !skipPolicy
        && configuration.isEnablePasswordPolicy()
        && !configuration.getIdentityService().checkPasswordAgainstPolicy(
            (String) OperatorCommands.field(entity, "newPassword"), user).isValid()) {
      throw new BadUserRequestException("Kata sandi tidak memenuhi kebijakan: paling sedikit 10 karakter, dengan huruf"
          + " besar, huruf kecil, angka dan tanda baca, dan tidak memuat nama atau id pengguna. Tidak ada yang diubah.");
    }
  }

  private void checkUser(SaveUserCmd save, Authentication caller, boolean admin) {
    User user = (User) OperatorCommands.field(save, "user");
    if (user == null || admin) {
      return;
    }
    User stored = asSystem(context -> context.getReadOnlyIdentityProvider().findUserById(user.getId()));
    boolean profileChanged = stored == null
        || !Objects.equals(stored.getFirstName(), user.getFirstName())
        || !Objects.equals(stored.getLastName(), user.getLastName())
        || !Objects.equals(stored.getEmail(), user.getEmail());
    if (profileChanged) {
      throw new AuthorizationException("Profil pengguna (nama, surel) hanya diubah oleh administrator; "
          + caller.getUserId() + " dapat membaca profilnya dan mengganti kata sandinya. Tidak ada yang diubah.");
    }
  }

  // ---- helpers

  private interface Lookup<T> {
    T in(CommandContext context);
  }

  /** Reads what the gate needs as the system: the caller may not read the form or the task's groups. */
  private <T> T asSystem(Lookup<T> lookup) {
    return configuration.getCommandExecutorTxRequired().execute(context -> {
      context.disableAuthorizationCheck();
      try {
        return lookup.in(context);
      } finally {
        context.enableAuthorizationCheck();
      }
    });
  }
}
