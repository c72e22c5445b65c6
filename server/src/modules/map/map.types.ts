import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Location } from '../household/household.entity.js';
import { CoverageFigures, UnitKind } from '../live/live.types.js';

export enum HouseholdMapState {
  ON_TIME = 'on_time',
  OVERDUE = 'overdue',
  UNASSIGNED = 'unassigned',
}
registerEnumType(HouseholdMapState, {
  name: 'HouseholdMapState',
  description: 'How a household stands on the coverage map.',
  valuesConfig: {
    ON_TIME: { description: 'A responsible member visited within the policy interval (thăm đúng hạn).' },
    OVERDUE: { description: 'A responsible member, but the visit is overdue (quá hạn thăm).' },
    UNASSIGNED: { description: 'No responsible member (chưa có đảng viên phụ trách).' },
  },
});

@ObjectType({ description: 'A unit drawn on the map: the outline of its households with its coverage figures.', simpleResolvers: true })
export class MapArea {
  @Field(() => UnitKind, { description: 'Committee or cell.' })
  unitKind!: UnitKind;

  @Field(() => ID, { description: 'Id of the committee or cell.' })
  unitId!: number;

  @Field({ description: 'Name of the unit.' })
  name!: string;

  @Field(() => [Location], {
    description: 'Convex outline of the unit\'s located households on a grid of about 200 m (vertices are grid corners, never a home), counter-clockwise; empty when none is located.',
  })
  outline!: Location[];

  @Field(() => Location, { nullable: true, description: 'Centre of the unit\'s located households; null when none is located.' })
  center!: Location | null;

  @Field(() => Int, { description: 'Households with a recorded location.' })
  locatedHouseholds!: number;

  @Field(() => CoverageFigures, { description: 'Coverage figures of the unit (as the coverage query).' })
  figures!: CoverageFigures;
}

@ObjectType({ description: 'A household on the map. Only households whose location you may see are listed (not analysts).', simpleResolvers: true })
export class MapHousehold {
  @Field(() => ID, { description: 'Identifier: open it with the household query for details.' })
  id!: number;

  @Field(() => ID, { description: 'Its cell.' })
  cellId!: number;

  @Field(() => Location, { description: 'Location of the home.' })
  location!: Location;

  @Field(() => HouseholdMapState, { description: 'On time, overdue or unassigned.' })
  state!: HouseholdMapState;

  @Field({ description: 'Whether it is a priority household.' })
  priority!: boolean;
}

@ObjectType({ description: 'South-west and north-east corners of what the map shows.', simpleResolvers: true })
export class MapBounds {
  @Field(() => Location, { description: 'South-west corner.' })
  southWest!: Location;

  @Field(() => Location, { description: 'North-east corner.' })
  northEast!: Location;
}

@ObjectType({ description: 'Everything needed to draw a unit\'s coverage map without internet (bản đồ độ bao phủ).', simpleResolvers: true })
export class CoverageMap {
  @Field(() => MapArea, { description: 'The unit itself.' })
  unit!: MapArea;

  @Field(() => [MapArea], { description: 'Its child units (communes, or cells of a commune), by name.' })
  areas!: MapArea[];

  @Field(() => MapBounds, { nullable: true, description: 'Extent of the unit\'s located households; null when none is located.' })
  bounds!: MapBounds | null;

  @Field(() => [MapHousehold], { description: 'Households of the unit whose location you may see, up to maxHouseholds.' })
  households!: MapHousehold[];

  @Field(() => Boolean, { description: 'More households are located than maxHouseholds allowed: zoom to a child unit to see them all.' })
  householdsTruncated!: boolean;

  @Field(() => Int, { description: 'Households of the unit not listed: no recorded location, or a location you may not see.' })
  householdsHidden!: number;

  @Field(() => String, { nullable: true, description: 'Raster tile URL template ({z}/{x}/{y}) set by the operator (GB_MAP_TILE_URL); null: draw without tiles.' })
  tileUrl!: string | null;

  @Field(() => Date, { description: 'When the figures were computed.' })
  computedAt!: Date;
}
