namespace TradingLog.Configuration;

/// <summary>The OTLP transports (<c>otlp.protocol</c>).</summary>
public enum OtlpProtocolName
{
    /// <summary><c>grpc</c>: OTLP over gRPC (HTTP/2).</summary>
    Grpc,

    /// <summary><c>http/protobuf</c>: OTLP over HTTP with protobuf bodies.</summary>
    HttpProtobuf,
}
