// Entry of the dedicated module worker that owns tfjs, the data and the model.
import * as Comlink from 'comlink';
import { createEngineApi } from './engine-api';

Comlink.expose(createEngineApi());
