// A stream's consumer groups: being built (see src/commands/stream-groups.ts).

/** One consumer group of a stream. */
export class StreamGroup {}
