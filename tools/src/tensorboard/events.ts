// TensorBoard's event files, written without TensorFlow: TFRecord-framed `Event` protos holding
// scalar summaries and the hparams plugin's experiment and session summaries.
//
// Field numbers, as TensorBoard declares them (checked against the descriptors of tensorboard 2.21
// from PyPI: tensorboard.compat.proto.event_pb2, summary_pb2, tensor_pb2, tensor_shape_pb2,
// tensorboard.plugins.hparams.plugin_data_pb2 and api_pb2, google.protobuf.struct_pb2):
//   Event            wall_time double = 1, step int64 = 2, file_version string = 3, summary = 5
//   Summary          value (repeated Summary.Value) = 1
//   Summary.Value    tag = 1, simple_value float = 2, tensor TensorProto = 8, metadata = 9
//   SummaryMetadata  plugin_data = 1;  PluginData: plugin_name = 1, content bytes = 2
//   TensorProto      dtype = 1, tensor_shape = 2;  TensorShapeProto: dim = 2;  Dim: size = 1
//   HParamsPluginData  version = 1; oneof data: experiment = 2, session_start_info = 3, session_end_info = 4
//   SessionStartInfo hparams map<string, google.protobuf.Value> = 1, group_name = 4, start_time_secs double = 5
//   SessionEndInfo   status (enum Status) = 1, end_time_secs double = 2
//   Experiment       description = 1, time_created_secs double = 3, hparam_infos = 4, metric_infos = 5, name = 6
//   HParamInfo       name = 1, display_name = 2, description = 3, type (enum DataType) = 4,
//                    oneof domain: domain_discrete ListValue = 5, domain_interval Interval = 6
//   Interval         min_value double = 1, max_value double = 2
//   MetricInfo       name MetricName = 1, display_name = 3, description = 4;  MetricName: group = 1, tag = 2
//   google.protobuf.Value  oneof kind: number_value double = 2, string_value = 3, bool_value = 4
//   google.protobuf.ListValue  values = 1
import { ProtoWriter } from "./protobuf.ts";
import { tfRecord } from "./tfrecord.ts";

/** What TensorFlow writes as the first event of every file; version 2 stops TensorBoard purging on out-of-order steps. */
export const FILE_VERSION = "brain.Event:2";

/** The hparams plugin (tensorboard/plugins/hparams/metadata.py). */
export const HPARAMS_PLUGIN = "hparams";
export const HPARAMS_PLUGIN_DATA_VERSION = 0;
export const EXPERIMENT_TAG = "_hparams_/experiment";
export const SESSION_START_INFO_TAG = "_hparams_/session_start_info";
export const SESSION_END_INFO_TAG = "_hparams_/session_end_info";

/** api.proto's Status. */
export const STATUS = { unknown: 0, success: 1, failure: 2, running: 3 } as const;
export type Status = keyof typeof STATUS;

/** api.proto's DataType. */
const DATA_TYPE = { string: 1, bool: 2, float64: 3 } as const;

export type HParamValue = string | number | boolean;

export interface Scalar {
  tag: string;
  value: number;
}

export interface HParamInfo {
  name: string;
  type: keyof typeof DATA_TYPE;
  /** The values it may take, or the interval it lies in; null when unknown. */
  domain: { discrete: HParamValue[] } | { interval: { min: number; max: number } } | null;
  description?: string;
}

export interface MetricInfo {
  /** The scalar's tag; its run is the session's run (MetricName.group ""). */
  tag: string;
  displayName?: string;
  description?: string;
}

export interface Experiment {
  name: string;
  description: string;
  timeCreatedSecs: number;
  hparams: HParamInfo[];
  metrics: MetricInfo[];
}

function event(wallTime: number, step: number): ProtoWriter {
  return new ProtoWriter().double(1, wallTime).uint(2, step);
}

/** The first event of a file: its format version. */
export function fileVersionEvent(wallTime: number): Buffer {
  return new ProtoWriter().double(1, wallTime).string(3, FILE_VERSION).finish();
}

/** One event with a scalar summary per value, all at `step` (simple_value: single precision). */
export function scalarsEvent(wallTime: number, step: number, scalars: readonly Scalar[]): Buffer {
  const summary = new ProtoWriter();
  for (const { tag, value } of scalars) summary.message(1, new ProtoWriter().string(1, tag).float(2, value));
  return event(wallTime, step).message(5, summary).finish();
}

/** The tensor TensorBoard's own hparams summaries carry: an empty float vector (metadata.NULL_TENSOR). */
function nullTensor(): ProtoWriter {
  return new ProtoWriter().uint(1, 1 /* DT_FLOAT */).message(2, new ProtoWriter().message(2, new ProtoWriter()));
}

/** An event holding one hparams plugin summary: the HParamsPluginData in the value's metadata. */
function hparamsEvent(wallTime: number, step: number, tag: string, data: ProtoWriter): Buffer {
  const pluginData = new ProtoWriter().string(1, HPARAMS_PLUGIN).message(2, data);
  const value = new ProtoWriter().string(1, tag).message(8, nullTensor()).message(9, new ProtoWriter().message(1, pluginData));
  return event(wallTime, step).message(5, new ProtoWriter().message(1, value)).finish();
}

/** HParamsPluginData with one member of its `data` oneof set. */
function pluginData(field: 2 | 3 | 4, message: ProtoWriter): ProtoWriter {
  return new ProtoWriter().uint(1, HPARAMS_PLUGIN_DATA_VERSION).message(field, message);
}

/** A google.protobuf.Value; a oneof member, so it is written even when it is 0 or "". */
function protoValue(value: HParamValue): ProtoWriter {
  if (typeof value === "number") return new ProtoWriter().double(2, value);
  if (typeof value === "boolean") return new ProtoWriter().bool(4, value);
  return new ProtoWriter().string(3, value);
}

export function experimentEvent(wallTime: number, experiment: Experiment): Buffer {
  const e = new ProtoWriter().string(1, experiment.description).double(3, experiment.timeCreatedSecs);
  for (const h of experiment.hparams) {
    const info = new ProtoWriter().string(1, h.name);
    if (h.description) info.string(3, h.description);
    info.uint(4, DATA_TYPE[h.type]);
    if (h.domain && "discrete" in h.domain) {
      const list = new ProtoWriter();
      for (const v of h.domain.discrete) list.message(1, protoValue(v));
      info.message(5, list);
    } else if (h.domain) {
      info.message(6, new ProtoWriter().double(1, h.domain.interval.min).double(2, h.domain.interval.max));
    }
    e.message(4, info);
  }
  for (const m of experiment.metrics) {
    const info = new ProtoWriter().message(1, new ProtoWriter().string(2, m.tag));
    if (m.displayName) info.string(3, m.displayName);
    if (m.description) info.string(4, m.description);
    e.message(5, info);
  }
  e.string(6, experiment.name);
  return hparamsEvent(wallTime, 0, EXPERIMENT_TAG, pluginData(2, e));
}

/** A session (one run: a trial, or a model) and the hyperparameters it ran with, keys sorted. */
export function sessionStartEvent(wallTime: number, hparams: Record<string, HParamValue>): Buffer {
  const start = new ProtoWriter();
  for (const name of Object.keys(hparams).sort()) {
    start.message(1, new ProtoWriter().string(1, name).message(2, protoValue(hparams[name]!)));
  }
  start.double(5, wallTime);
  return hparamsEvent(wallTime, 0, SESSION_START_INFO_TAG, pluginData(3, start));
}

export function sessionEndEvent(wallTime: number, step: number, status: Status): Buffer {
  const end = new ProtoWriter().uint(1, STATUS[status]).double(2, wallTime);
  return hparamsEvent(wallTime, step, SESSION_END_INFO_TAG, pluginData(4, end));
}

/** An event file: each event framed as a TFRecord. */
export function eventFile(events: readonly Buffer[]): Buffer {
  return Buffer.concat(events.map(tfRecord));
}
