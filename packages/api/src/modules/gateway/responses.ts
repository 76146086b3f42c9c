// The gateway answers in the API's one shape, built in http/errors.ts; external/traffic/surfaces.ts
// still imports `json` from here.
export { json } from '../../http/errors.ts';
