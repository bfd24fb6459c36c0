// Request bodies checked against the request schemas of Zoom's OpenAPI files, as Zoom checks them:
// a body the schema refuses gets 400 / 300 "Validation Failed." with one entry per field in
// `errors` (Zoom's error envelope for field validation). Where the files are not next to the
// repository (a clean clone), only the handlers' own checks of the fields they keep apply.
import type { ErrorObject } from 'ajv'
import { OPENAPI_AVAILABLE, requestValidator } from '../openapi'
import type { Operation } from './catalog'
import { Errors, type ApiResponse } from './responses'

/** Zoom's 400 / 300 for a body its schema refuses, or undefined when the body is valid. */
export function checkRequestBody(op: Operation, body: unknown): ApiResponse | undefined {
  // Every write body Zoom documents is an object; anything else (an array nested 40,000 deep)
  // is refused before a schema walks it.
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return Errors.validation('Request Body should be a valid JSON object.')
  if (!OPENAPI_AVAILABLE || op.documentedAt !== undefined) return undefined
  const validate = requestValidator(op.spec, op.path, op.method ?? 'get')
  if (validate === undefined || validate(body)) return undefined
  // One entry per field (ajv may report a field twice, e.g. its type and its enum).
  const byField = new Map((validate.errors ?? []).map(fieldError).map((entry) => [entry.field, entry]))
  const errors = [...byField.values()].slice(0, 10)
  return { status: 400, json: JSON.stringify({ code: 300, message: 'Validation Failed.', errors }) }
}

/** `user_info.email` and what is wrong with it, in Zoom's words ("Invalid field."). */
function fieldError(error: ErrorObject): { field: string; message: string } {
  const path = error.instancePath.split('/').filter(Boolean)
  if (error.keyword === 'required') path.push(String((error.params as { missingProperty: string }).missingProperty))
  const field = path.join('.') || 'body'
  return { field, message: error.keyword === 'required' ? `Missing field: ${field}.` : 'Invalid field.' }
}
