using System.Text;
using TaoSharp.Primitives;
using TaoSharp.Runtime.Storage;
using TaoSharp.Storage;

namespace TaoSharp.Runtime.Subnets;

/// <summary>
/// Subnet token symbols (spec-dtao §6.6): the reference's table of 439 predefined symbols indexed by netuid
/// (0 = upper-case tau for root, 1 = alpha, ...; entry 19 is the ASCII letter "t", as in the reference). Registration
/// stores the netuid's entry in <c>TokenSymbol</c>, or the first unused one when another subnet holds it;
/// <c>update_symbol</c> may pick any entry but root's that no subnet holds. Symbols are UTF-8 bytes on chain.
/// </summary>
public static class SubnetSymbols
{
    /// <summary>Number of predefined symbols.</summary>
    public const int Count = 439;

    /// <summary>What <c>TokenSymbol</c> reads for a subnet that never stored one (the reference's mathematical tau, U+1D70F).</summary>
    public const string StorageDefault = "\U0001d70f";

    /// <summary>Root's symbol, also the fallback once every other symbol is taken.</summary>
    public const string Root = "\u03a4";

    /// <summary>The symbol the table assigns to <paramref name="netuid"/> (root's past the end of the table).</summary>
    public static byte[] ForNetuid(NetUid netuid) => Encoding.UTF8.GetBytes(netuid.Value < Count ? Table[netuid.Value] : Root);

    /// <summary>The table entry at <paramref name="index"/> as text (0 ≤ index &lt; <see cref="Count"/>).</summary>
    public static string At(int index) => Table[index];

    /// <summary><c>ensure_symbol_exists</c>: one of the table's entries other than root's.</summary>
    public static bool IsSelectable(ReadOnlySpan<byte> symbol)
    {
        for (var i = 1; i < Count; i++)
            if (symbol.SequenceEqual(Encoding.UTF8.GetBytes(Table[i]))) return true;
        return false;
    }

    /// <summary><c>ensure_symbol_available</c>'s negation: some subnet (root included) stores this symbol.</summary>
    public static bool IsInUse(IStateReader s, ReadOnlySpan<byte> symbol)
    {
        foreach (var (_, stored) in SubtensorStorage.TokenSymbol.Iterate(s))
            if (symbol.SequenceEqual(stored)) return true;
        return false;
    }

    /// <summary>
    /// <c>get_next_available_symbol</c>: the netuid's own entry if no subnet stores it, else the first unused entry after
    /// root's, else root's symbol (all 438 taken).
    /// </summary>
    public static byte[] NextAvailable(IStateReader s, NetUid netuid)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (_, stored) in SubtensorStorage.TokenSymbol.Iterate(s)) used.Add(Convert.ToHexString(stored));
        var own = ForNetuid(netuid);
        if (!used.Contains(Convert.ToHexString(own))) return own;
        for (var i = 1; i < Count; i++)
        {
            var candidate = Encoding.UTF8.GetBytes(Table[i]);
            if (!used.Contains(Convert.ToHexString(candidate))) return candidate;
        }
        return Encoding.UTF8.GetBytes(Root);
    }

    /// <summary>The reference's table, in order (generated from subtensor's <c>subnets/symbols.rs</c>).</summary>
    private static readonly string[] Table =
    [
        "\u03a4", // 0
        "\u03b1", // 1
        "\u03b2", // 2
        "\u03b3", // 3
        "\u03b4", // 4
        "\u03b5", // 5
        "\u03b6", // 6
        "\u03b7", // 7
        "\u03b8", // 8
        "\u03b9", // 9
        "\u03ba", // 10
        "\u03bb", // 11
        "\u03bc", // 12
        "\u03bd", // 13
        "\u03be", // 14
        "\u03bf", // 15
        "\u03c0", // 16
        "\u03c1", // 17
        "\u03c3", // 18
        "t", // 19
        "\u03c5", // 20
        "\u03c6", // 21
        "\u03c7", // 22
        "\u03c8", // 23
        "\u03c9", // 24
        "\u05d0", // 25
        "\u05d1", // 26
        "\u05d2", // 27
        "\u05d3", // 28
        "\u05d4", // 29
        "\u05d5", // 30
        "\u05d6", // 31
        "\u05d7", // 32
        "\u05d8", // 33
        "\u05d9", // 34
        "\u05da", // 35
        "\u05db", // 36
        "\u05dc", // 37
        "\u05dd", // 38
        "\u05de", // 39
        "\u05df", // 40
        "\u05e0", // 41
        "\u05e1", // 42
        "\u05e2", // 43
        "\u05e3", // 44
        "\u05e4", // 45
        "\u05e5", // 46
        "\u05e6", // 47
        "\u05e7", // 48
        "\u05e8", // 49
        "\u05e9", // 50
        "\u05ea", // 51
        "\u0627", // 52
        "\u0628", // 53
        "\u062a", // 54
        "\u062b", // 55
        "\u062c", // 56
        "\u062d", // 57
        "\u062e", // 58
        "\u062f", // 59
        "\u0630", // 60
        "\u0631", // 61
        "\u0632", // 62
        "\u0633", // 63
        "\u0634", // 64
        "\u0635", // 65
        "\u0636", // 66
        "\u0637", // 67
        "\u0638", // 68
        "\u0639", // 69
        "\u063a", // 70
        "\u0641", // 71
        "\u0642", // 72
        "\u0643", // 73
        "\u0644", // 74
        "\u0645", // 75
        "\u0646", // 76
        "\u0647", // 77
        "\u0648", // 78
        "\u064a", // 79
        "\u0649", // 80
        "\u16a0", // 81
        "\u16a2", // 82
        "\u16a6", // 83
        "\u16a8", // 84
        "\u16b1", // 85
        "\u16b3", // 86
        "\u042b", // 87
        "\u16c9", // 88
        "\u16d2", // 89
        "\u1680", // 90
        "\u1681", // 91
        "\u1682", // 92
        "\u1683", // 93
        "\u1684", // 94
        "\u1685", // 95
        "\u169b", // 96
        "\u10d0", // 97
        "\u10d1", // 98
        "\u10d2", // 99
        "\u10d3", // 100
        "\u10d4", // 101
        "\u10d5", // 102
        "\u0531", // 103
        "\u0532", // 104
        "\u0533", // 105
        "\u0534", // 106
        "\u0535", // 107
        "\u0536", // 108
        "\u055e", // 109
        "\u0400", // 110
        "\u0401", // 111
        "\u0402", // 112
        "\u0403", // 113
        "\u0404", // 114
        "\u0405", // 115
        "\u044a", // 116
        "\u2c80", // 117
        "\u2c81", // 118
        "\u2c82", // 119
        "\u2c83", // 120
        "\u2c84", // 121
        "\u2c85", // 122
        "\U00011000", // 123
        "\U00011001", // 124
        "\U00011002", // 125
        "\U00011003", // 126
        "\U00011005", // 127
        "\u0db1", // 128
        "\u0db3", // 129
        "\u0db4", // 130
        "\u0db5", // 131
        "\u0db6", // 132
        "\u0db7", // 133
        "\u2c00", // 134
        "\u2c01", // 135
        "\u2c02", // 136
        "\u2c03", // 137
        "\u2c04", // 138
        "\u2c05", // 139
        "\u2c06", // 140
        "\u2c07", // 141
        "\u2c08", // 142
        "\u2c09", // 143
        "\u2c0a", // 144
        "\u2c0b", // 145
        "\u2c0c", // 146
        "\u2c0d", // 147
        "\u2c0e", // 148
        "\u2c0f", // 149
        "\u2c10", // 150
        "\u2c11", // 151
        "\u2c12", // 152
        "\u2c13", // 153
        "\u2c14", // 154
        "\u2c15", // 155
        "\u2c16", // 156
        "\u2c17", // 157
        "\u2c18", // 158
        "\u2c19", // 159
        "\u2c1a", // 160
        "\u2c1b", // 161
        "\u2c1c", // 162
        "\u2c1d", // 163
        "\u2c1e", // 164
        "\u2c1f", // 165
        "\u2c20", // 166
        "\u0e01", // 167
        "\u0e02", // 168
        "\u0e03", // 169
        "\u0e04", // 170
        "\u0e05", // 171
        "\u0e06", // 172
        "\u0e07", // 173
        "\u0e08", // 174
        "\u0e09", // 175
        "\u0e0a", // 176
        "\u0e0b", // 177
        "\u0e0c", // 178
        "\u0e0d", // 179
        "\u0e0e", // 180
        "\u0e0f", // 181
        "\u0e10", // 182
        "\u0e11", // 183
        "\u0e12", // 184
        "\u0e13", // 185
        "\u0e14", // 186
        "\u0e15", // 187
        "\u0e16", // 188
        "\u0e17", // 189
        "\u0e18", // 190
        "\u0e19", // 191
        "\u0e1a", // 192
        "\u0e1b", // 193
        "\u0e1c", // 194
        "\u0e1d", // 195
        "\u0e1e", // 196
        "\u0e1f", // 197
        "\u0e20", // 198
        "\u0e21", // 199
        "\u0e22", // 200
        "\u0e23", // 201
        "\u0e25", // 202
        "\u0e27", // 203
        "\u0e28", // 204
        "\u0e29", // 205
        "\u0e2a", // 206
        "\u0e2b", // 207
        "\u0e2c", // 208
        "\u0e2d", // 209
        "\u0e2e", // 210
        "\u3131", // 211
        "\u3134", // 212
        "\u3137", // 213
        "\u3139", // 214
        "\u3141", // 215
        "\u3142", // 216
        "\u3145", // 217
        "\u3147", // 218
        "\u3148", // 219
        "\u314a", // 220
        "\u314b", // 221
        "\u314c", // 222
        "\u314d", // 223
        "\u314e", // 224
        "\u314f", // 225
        "\u3150", // 226
        "\u3151", // 227
        "\u3152", // 228
        "\u3153", // 229
        "\u3154", // 230
        "\u3155", // 231
        "\u3156", // 232
        "\u3157", // 233
        "\u3158", // 234
        "\u3159", // 235
        "\u315a", // 236
        "\u315b", // 237
        "\u315c", // 238
        "\u315d", // 239
        "\u315e", // 240
        "\u315f", // 241
        "\u3160", // 242
        "\u3161", // 243
        "\u3162", // 244
        "\u3163", // 245
        "\u12a0", // 246
        "\u12a1", // 247
        "\u12a2", // 248
        "\u12a3", // 249
        "\u12a4", // 250
        "\u12a5", // 251
        "\u12a6", // 252
        "\u12a7", // 253
        "\u12c8", // 254
        "\u12c9", // 255
        "\u12ca", // 256
        "\u12cb", // 257
        "\u12cc", // 258
        "\u12cd", // 259
        "\u12ce", // 260
        "\u12b0", // 261
        "\u12b1", // 262
        "\u12b2", // 263
        "\u12b3", // 264
        "\u12b4", // 265
        "\u12b5", // 266
        "\u12b6", // 267
        "\u1310", // 268
        "\u1311", // 269
        "\u1312", // 270
        "\u1218", // 271
        "\u1314", // 272
        "\u1315", // 273
        "\u1316", // 274
        "\u0905", // 275
        "\u0906", // 276
        "\u0907", // 277
        "\u0908", // 278
        "\u0909", // 279
        "\u090a", // 280
        "\u090b", // 281
        "\u090f", // 282
        "\u0910", // 283
        "\u0913", // 284
        "\u0914", // 285
        "\u0915", // 286
        "\u0916", // 287
        "\u0917", // 288
        "\u0918", // 289
        "\u0919", // 290
        "\u091a", // 291
        "\u091b", // 292
        "\u091c", // 293
        "\u091d", // 294
        "\u091e", // 295
        "\u091f", // 296
        "\u0920", // 297
        "\u0921", // 298
        "\u0922", // 299
        "\u0923", // 300
        "\u0924", // 301
        "\u0925", // 302
        "\u0926", // 303
        "\u0927", // 304
        "\u0928", // 305
        "\u092a", // 306
        "\u092b", // 307
        "\u092c", // 308
        "\u092d", // 309
        "\u092e", // 310
        "\u092f", // 311
        "\u0930", // 312
        "\u0932", // 313
        "\u0935", // 314
        "\u0936", // 315
        "\u0937", // 316
        "\u0938", // 317
        "\u0939", // 318
        "\u30a2", // 319
        "\u30a4", // 320
        "\u30a6", // 321
        "\u30a8", // 322
        "\u30aa", // 323
        "\u30ab", // 324
        "\u30ad", // 325
        "\u30af", // 326
        "\u30b1", // 327
        "\u30b3", // 328
        "\u30b5", // 329
        "\u30b7", // 330
        "\u30b9", // 331
        "\u30bb", // 332
        "\u30bd", // 333
        "\u30bf", // 334
        "\u30c1", // 335
        "\u30c4", // 336
        "\u30c6", // 337
        "\u30c8", // 338
        "\u30ca", // 339
        "\u30cb", // 340
        "\u30cc", // 341
        "\u30cd", // 342
        "\u30ce", // 343
        "\u30cf", // 344
        "\u30d2", // 345
        "\u30d5", // 346
        "\u30d8", // 347
        "\u30db", // 348
        "\u30de", // 349
        "\u30df", // 350
        "\u30e0", // 351
        "\u30e1", // 352
        "\u30e2", // 353
        "\u30e4", // 354
        "\u30e6", // 355
        "\u30e8", // 356
        "\u30e9", // 357
        "\u30ea", // 358
        "\u30eb", // 359
        "\u30ec", // 360
        "\u30ed", // 361
        "\u30ef", // 362
        "\u30f2", // 363
        "\u30f3", // 364
        "\u2d30", // 365
        "\u2d31", // 366
        "\u2d32", // 367
        "\u2d33", // 368
        "\u2d34", // 369
        "\u2d35", // 370
        "\u2d36", // 371
        "\u2d37", // 372
        "\u2d38", // 373
        "\u2d39", // 374
        "\u2d3a", // 375
        "\u2d3b", // 376
        "\u2d3c", // 377
        "\u2d3d", // 378
        "\u2d3e", // 379
        "\u2d3f", // 380
        "\u2d40", // 381
        "\u2d41", // 382
        "\u2d42", // 383
        "\u2d43", // 384
        "\u2d44", // 385
        "\u2d45", // 386
        "\u2d46", // 387
        "\u2d47", // 388
        "\u2d48", // 389
        "\u2d49", // 390
        "\u2d4a", // 391
        "\u2d4b", // 392
        "\u2d4c", // 393
        "\u2d4d", // 394
        "\u2d4e", // 395
        "\u2d4f", // 396
        "\u2d50", // 397
        "\u2d51", // 398
        "\u2d52", // 399
        "\u2d53", // 400
        "\u0d85", // 401
        "\u0d86", // 402
        "\u0d89", // 403
        "\u0d8a", // 404
        "\u0d8b", // 405
        "\u0d8c", // 406
        "\u0d8d", // 407
        "\u0d8e", // 408
        "\u0d8f", // 409
        "\u0d90", // 410
        "\u0d91", // 411
        "\u0d92", // 412
        "\u0d93", // 413
        "\u0d94", // 414
        "\u0d95", // 415
        "\u0d96", // 416
        "\u0d9a", // 417
        "\u0d9b", // 418
        "\u0d9c", // 419
        "\u0d9d", // 420
        "\u0d9e", // 421
        "\u0da0", // 422
        "\u0da1", // 423
        "\u0da2", // 424
        "\u0da3", // 425
        "\u0da4", // 426
        "\u0da7", // 427
        "\u0da5", // 428
        "\u0da6", // 429
        "\u0da9", // 430
        "\u0da8", // 431
        "\u0daa", // 432
        "\u0dab", // 433
        "\u0dac", // 434
        "\u0dad", // 435
        "\u0dae", // 436
        "\u0daf", // 437
        "\u0db0", // 438
    ];
}
