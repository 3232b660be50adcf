/**
 * Characters an incoming id may use: letters, digits and `- _ . : + / = @` (UUIDs, ULIDs, base64,
 * trace ids). Anything else (spaces, commas from a repeated header, quotes, control characters)
 * could forge log lines or break whoever parses the echoed header downstream.
 */
const SAFE_ID = /^[A-Za-z0-9\-_.:+/=@]+$/;

/** True when an id sent by the client may be reused as is. */
export function isSafeRequestId(value: string | undefined, maxLength: number): value is string {
  return value !== undefined && value.length > 0 && value.length <= maxLength && SAFE_ID.test(value);
}
