// The messages of packages, sequences, triggers, rules and web actions, with OpenWhisk's wording
// (OW:common/scala/src/main/scala/org/apache/openwhisk/http/ErrorResponse.scala `Messages`).
// Spread into ../messages.ts, so the server keeps one catalog.

export const entityMessages = {
  sequenceIsTooLong: 'Too many actions in the sequence.',
  sequenceNoComponent: 'No component specified for the sequence.',
  sequenceIsCyclic: 'Sequence may not refer to itself.',
  sequenceComponentNotFound: 'Sequence component does not exist.',
  sequenceActivationFailure: 'Sequence failed.',
  malformedFullyQualifiedEntityName:
    'The fully qualified name of the entity must contain at least the namespace and the name of the entity.',
  bindingDoesNotExist: 'Binding references a package that does not exist.',
  packageCannotBecomeBinding: 'Resource is a package and cannot be converted into a binding.',
  bindingCannotReferenceBinding: 'Cannot bind to another package binding.',
  notAllowedOnBinding: 'Operation not permitted on package binding.',
  packageNameIsReserved: (name: string) => `Package name '${name}' is reserved.`,
  packageNotEmpty: (count: number) => `Package not empty (contains ${count} ${count === 1 ? 'entity' : 'entities'})`,
  triggerWithInactiveRule: (rule: string, action: string) => `Rule '${rule}' is inactive, action '${action}' was not activated.`,
  ruleStatusInvalid: "status must be 'active' or 'inactive'",
  ruleNeedsTriggerAndAction: 'rule requires a valid trigger and a valid action',
  ruleTriggerDoesNotExist: (fqn: string) => `trigger ${fqn} does not exist`,
  ruleActionDoesNotExist: (fqn: string) => `action ${fqn} does not exist`,
  ruleTriggerMissing: 'Only rules with existing triggers can be activated',
  parametersNotAllowed: 'Request defines parameters that are not allowed (e.g., reserved properties).',
  contentTypeExtensionNotSupported: (extensions: readonly string[]) =>
    `Extension must be specified and one of [${extensions.join(', ')}].`,
  propertyNotFound: 'Response does not include requested property.',
  invalidMedia: (media: string) => `Response is not valid '${media}'.`,
  responseNotReady: 'Response not yet ready.',
  errorProcessingRequest: 'There was an error processing your request.',
  feedUnknownEvent: (event: string) => `lifecycleEvent '${event}' is not one of CREATE, READ, UPDATE, DELETE.`,
  alarmNeedsSchedule: "an alarm needs 'cron' (5 or 6 fields) or an 'interval' in minutes",
  alarmBadCron: (cron: string) => `cron pattern '${cron}' is not valid`,
  alarmNotFound: (trigger: string) => `no alarm for trigger ${trigger}`,
  routeNotFound: 'API route does not exist.',
} as const;
