import { Type } from 'class-transformer';
import {
  IsArray,
  IsBoolean,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';

export class AddressDto {
  @IsString()
  city!: string;

  @IsOptional()
  @IsString()
  zip?: string;
}

export class TagDto {
  @MinLength(2)
  @IsString()
  name!: string;
}

export class CreateUserDto {
  @IsNotEmpty()
  @IsString()
  name!: string;

  @Min(0)
  @IsInt()
  age!: number;

  @ValidateNested()
  @Type(() => AddressDto)
  address!: AddressDto;

  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => TagDto)
  tags?: TagDto[];
}

export class CompanyDto {
  @IsString()
  title!: string;

  @ValidateNested()
  @Type(() => CreateUserDto)
  owner!: CreateUserDto;
}

export class ListQueryDto {
  @IsInt()
  page!: number;

  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class OptionalFieldsDto {
  @IsOptional()
  @IsString()
  note?: string;
}

/** A class class-validator has no rules for. */
export class NoRulesDto {
  value?: string;
}

export function validUser(): Record<string, unknown> {
  return { name: 'Ada', age: 36, address: { city: 'London' }, tags: [{ name: 'math' }] };
}
