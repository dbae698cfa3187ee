/** A failure whose message is already written for the user: the helper prints it as it is. */
export class UserFacingError extends Error {}
