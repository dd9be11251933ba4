// The app's own status codes: an enum, whose values the checker computes.
export enum HttpStatus {
  OK = 200,
  CREATED = 201,
  BAD_REQUEST = 400,
  NOT_FOUND = 404,
  TEAPOT = 418,
}
