/**
 * The RFC 6381 codecs string of an H.264 fMP4 init segment (e.g. `avc1.64001f`), read from its
 * avcC box: profile, constraint flags and level, each one hex byte.
 */
export function avcCodecString(initSegment: Uint8Array): string {
  const avcC = findBoxPayload(initSegment, 'avcC');
  if (!avcC || avcC.length < 4) throw new Error('init segment has no avcC box');
  const hex = (byte: number) => byte.toString(16).padStart(2, '0');
  // avcC: configurationVersion, AVCProfileIndication, profile_compatibility, AVCLevelIndication
  return `avc1.${hex(avcC[1]!)}${hex(avcC[2]!)}${hex(avcC[3]!)}`;
}

/** Finds the first box of `type` anywhere in the tree by scanning for its fourcc. */
function findBoxPayload(data: Uint8Array, type: string): Uint8Array | undefined {
  const code = [...type].map((c) => c.charCodeAt(0));
  for (let i = 4; i + 4 <= data.length; i++) {
    if (data[i] === code[0] && data[i + 1] === code[1] && data[i + 2] === code[2] && data[i + 3] === code[3]) {
      const size = ((data[i - 4]! << 24) | (data[i - 3]! << 16) | (data[i - 2]! << 8) | data[i - 1]!) >>> 0;
      if (size >= 8 && i - 4 + size <= data.length) return data.subarray(i + 4, i - 4 + size);
    }
  }
  return undefined;
}
