// Minimal types for seek-bzip 2 (pure-JavaScript bzip2 decoder; the package ships none).
declare module 'seek-bzip' {
  const Bunzip: {
    decode(input: Uint8Array, output?: Uint8Array, multistream?: boolean): Buffer;
  };
  export default Bunzip;
}
